# Lab 1: network namespaces and their loopback device.
# Run it with: ./nssim run examples/01-namespaces-and-lo.sh
#
# The machine boots with one network namespace, init_net, holding one device: lo, already up.
ip link
# Named namespaces live as files under /run/netns; there are none yet.
ip netns list
# Create two. tmpfs lists a directory newest first, and so does ip netns list.
ip netns add blue
ip netns add red
ip netns list
# A new namespace holds exactly one device: its own lo, ifindex 1, and DOWN.
ip -n blue link
# Bring it up: LOOPBACK,UP,LOWER_UP and state UNKNOWN (lo has no carrier to speak of).
ip -n blue link set lo up
ip -n blue -br link
# red's lo is a different device: still down.
ip netns exec red ip -br link
# Which namespace is a process in? The shell is in init_net, which has no name.
ip netns identify
ip netns exec blue ip netns identify
# Deleting the name frees the namespace once nothing else holds it; red is gone, blue stays.
ip netns del red
ip netns list
# A name that does not exist is an error, with iproute2's message and exit status.
ip netns del red
ip -n red link
ip netns del blue
