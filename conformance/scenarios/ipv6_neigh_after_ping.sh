# Pins down: IPv6 neighbour entries after a ping over global addresses: the pinger has the peer
# REACHABLE (with `router` absent), the replier learned the pinger from its neighbour
# solicitation and is in DELAY right after replying, one entry at a time; a missing entry prints nothing; no entries
# before traffic for the global addresses; ip -6 neigh show nud reachable.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va
ip -n y addr add 2001:db8::2/64 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 neigh show 2001:db8::2 dev va
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip -n x -6 neigh show 2001:db8::2 dev va
ip -n x -6 neigh show 2001:db8::2
ip -n y -6 neigh show 2001:db8::1 dev vb
ip -n x -6 neigh show 2001:db8::9 dev va
ip -n x -6 neigh show nud reachable
ip -n x -6 -j neigh show 2001:db8::2
