# Pins down: neighbour entries that traffic leaves behind: the pinging side has its peer
# REACHABLE with the peer's MAC (no "dev" when filtered by dev), the answering side learned the
# pinger from its ARP request and is in DELAY right after replying;
# a namespace without traffic has none; show for a missing entry prints nothing.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip -n x neigh show dev va
ip netns exec x ping -c 1 -W 1 10.0.0.2
ip -n x neigh show 10.0.0.2 dev va
ip -n y neigh show 10.0.0.1
ip -n x neigh show 10.0.0.9 dev va
ip -n x -4 neigh
