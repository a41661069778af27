# Pins down: ip neigh flush of learned entries: flush dev removes a REACHABLE entry (silently), the
# next ping learns it again; flush to a prefix; flush with nothing to flush; flush without arguments.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip netns exec x ping -q -c 1 -W 1 10.0.0.2
ip -n x neigh show 10.0.0.2 dev va
ip -n x neigh flush dev va
ip -n x neigh show dev va
ip netns exec x ping -q -c 1 -W 1 10.0.0.2
ip -n x neigh show dev va
ip -n x neigh flush to 10.0.0.0/24
ip -n x neigh show dev va
ip -n x neigh flush dev va
ip -n x neigh flush
