# Lab 7: when creating a namespace fails halfway.
# Run it with: ./nssim run examples/07-when-setup-fails.sh
#
# A new namespace is set up by running every pernet_operations' init in list order. If one fails,
# the ones that already ran are undone in reverse order (the failed one's exit is never called),
# and the namespace never becomes visible.
nssim show pernet
# Make loopback's init fail, as an allocation failure would, and watch the unwinding.
nssim fail pernet-init loopback_net_ops
nssim trace on
ip netns add blue
nssim trace off
# iproute2 removed the file again; nothing is left behind.
ip netns list
nssim show cleanup
# The fault fired once; the next try works.
ip netns add blue
ip -n blue -br link
ip netns del blue
