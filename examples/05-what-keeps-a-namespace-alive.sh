# Lab 5: what keeps a namespace alive after "ip netns del"?
# Run it with: ./nssim run examples/05-what-keeps-a-namespace-alive.sh
#
# A namespace dies when its last active reference (its "count") goes. The name under /run/netns
# is one such reference (a bind mount); every process inside it is another.
ip netns add blue
ip link add va type veth peer name vb netns blue
nssim show net blue
# A process that lives in blue: ip netns exec runs sleep inside it, in the background.
ip netns exec blue sleep 100 &
nssim show net blue
# Deleting the name removes only the bind mount. The namespace is still alive, held by sleep,
# with its devices: va's peer is still there.
ip netns del blue
ip netns list
ip -br link
nssim show net blue
# Watch the kernel while sleep ends: its put_net drops count to 0 (__put_net queues the net),
# and the cleanup worker runs at the next tick of time (cleanup_net), deleting vb and, with it, va.
nssim trace on
kill %1
nssim show cleanup
sleep 1
nssim trace off
nssim show cleanup
ip -br link
# Teardown is batched: one worker takes every net that died since its last run.
# Hold the worker and kill two namespaces: both wait on the cleanup list ...
nssim hold-cleanup on
ip netns add red
ip netns add green
ip netns del red
ip netns del green
sleep 1
nssim show cleanup
# ... and go together, in one batch, once it runs again.
nssim hold-cleanup off
sleep 1
nssim show cleanup
