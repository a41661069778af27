# Pins down: permanent neighbour entries: add (PERMANENT), add twice (File exists), replace,
# change, del, del of a missing one, flush leaves permanent entries unless nud permanent/all.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev va
ip -n x neigh show dev va
ip -n x neigh add 10.0.0.5 lladdr 02:00:00:00:00:06 dev va
ip -n x neigh replace 10.0.0.5 lladdr 02:00:00:00:00:07 dev va
ip -n x neigh show 10.0.0.5 dev va
ip -n x neigh change 10.0.0.5 lladdr 02:00:00:00:00:08 dev va nud reachable
ip -n x neigh show 10.0.0.5 dev va
ip -n x neigh replace 10.0.0.5 lladdr 02:00:00:00:00:09 dev va nud permanent
ip -n x neigh flush dev va
ip -n x neigh show dev va
ip -n x neigh flush dev va nud permanent
ip -n x neigh show dev va
ip -n x neigh add 10.0.0.6 lladdr 02:00:00:00:00:06 dev va
ip -n x neigh del 10.0.0.6 dev va
ip -n x neigh del 10.0.0.6 dev va
ip -n x neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev nosuch
ip -n x neigh add 10.0.0.7 dev va
ip -n x neigh show dev va
