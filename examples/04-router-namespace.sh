# Lab 4: a router namespace between two networks.
# Run it with: ./nssim run examples/04-router-namespace.sh
#
#   left (10.0.1.2) --- r-left [ router ] r-right --- (10.0.2.2) right
#                      10.0.1.1          10.0.2.1
ip netns add left
ip netns add router
ip netns add right
# Each cable is created with its ends straight in the namespaces where they belong.
ip link add eth0 netns left type veth peer name r-left netns router
ip link add eth0 netns right type veth peer name r-right netns router
ip -n left addr add 10.0.1.2/24 dev eth0
ip -n right addr add 10.0.2.2/24 dev eth0
ip -n router addr add 10.0.1.1/24 dev r-left
ip -n router addr add 10.0.2.1/24 dev r-right
ip -n left link set lo up
ip -n left link set eth0 up
ip -n right link set lo up
ip -n right link set eth0 up
ip -n router link set lo up
ip -n router link set r-left up
ip -n router link set r-right up
# The hosts send everything that is not on their own network to the router.
ip -n left route add default via 10.0.1.1
ip -n right route add default via 10.0.2.1
sleep 1
ip -n router -4 addr
ip -n router route
# left reaches the router, on its near address and on its far one (a host answers for all its
# addresses, whatever the interface) ...
ip netns exec left ping -c 1 -W 1 10.0.1.1
ip netns exec left ping -c 1 -W 1 10.0.2.1
# ... but not right: a new namespace does not forward packets (net.ipv4.ip_forward is 0).
ip netns exec left ping -c 1 -W 1 10.0.2.2
ip netns exec router sysctl net.ipv4.ip_forward
ip netns exec router sysctl -w net.ipv4.ip_forward=1
# Now it does: the replies come back through one router, ttl 63.
ip netns exec left ping -c 2 -W 1 10.0.2.2
ip -n router neigh
# The IPv4 stack holds references on the router's devices: the in_device, every route through it
# (fib_nh) and every neighbour entry. They all go when the device is unregistered.
nssim -n router show dev r-left
# Deleting the router namespace deletes r-left and r-right, and with them both hosts' eth0:
# their addresses and routes go too, so left has no route to anywhere any more.
ip netns del router
sleep 1
ip -n left -br link
ip -n left route
ip netns exec left ping -c 1 -W 1 10.0.2.2
ip netns del left
ip netns del right
