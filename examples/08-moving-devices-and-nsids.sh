# Lab 8: wiring a router namespace by moving devices, and how namespaces name each other (nsids).
# Run it with: ./nssim run examples/08-moving-devices-and-nsids.sh
#
# Lab 4 creates each veth end directly in its namespace; here the cables are built in init_net and
# their ends moved: which device ends up where, with which name and ifindex, and how each namespace
# refers to the others.
ip netns add left
ip netns add router
ip netns add right
# Build each cable in init_net, then move its ends where they belong.
ip link add eth0 type veth peer name r-left
ip link set eth0 netns left
# A moved device arrives DOWN, with its MAC, and keeps its ifindex (3) when that is free in the target.
ip -n left -br link
ip -n left link show eth0
# eth0 is free again in init_net, so the second cable can use the name too ...
ip link add eth0 type veth peer name r-right
# ... but left already has an eth0: the move is refused, unless the device is renamed as it moves.
ip link set eth0 netns left
ip link set eth0 netns right
ip link set r-left netns router
ip link set r-right netns router name eth1
ip -n router -br link
ip -n right -br link
# lo can never move: it is netns-local ("immutable").
ip -n router link set lo netns left
# Every namespace keeps its own table of ids for the others. An id is allocated when a namespace
# first has to describe another in a message: init_net named left, right and router when it moved
# devices there, and each move's announcement in the target named the namespace of the peer.
ip netns list
ip -n router link
ip -n router netns list-id
# left's only id is for init_net (where eth0's peer was when eth0 arrived): no name, so none shown.
ip -n left netns list-id
nssim show net router
# An id can also be chosen, once per peer.
ip -n left netns set right 7
ip -n left netns list-id
ip -n left netns set right 8
# Deleting router deletes r-left and eth1, and their peers in left and right with them;
# every survivor forgets its nsid for router.
ip netns del router
sleep 1
ip -n left -br link
ip -n left netns list-id
ip netns list
ip netns del left
ip netns del right
