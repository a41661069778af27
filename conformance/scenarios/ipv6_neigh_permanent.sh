# Pins down: static IPv6 neighbour entries: add (PERMANENT), replace, change, del, flush of
# permanent entries (`nud permanent`), `router` flag, and the errors (twice, missing, bad lladdr,
# IPv4 address with -6).
ip netns add x
ip -n x link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip -n x link set va up
ip -n x link set vb up
ip -n x -6 neigh add 2001:db8::5 lladdr 02:00:00:00:00:55 dev va
ip -n x -6 neigh show dev va
ip -n x -6 neigh add 2001:db8::5 lladdr 02:00:00:00:00:55 dev va
ip -n x -6 neigh replace 2001:db8::5 lladdr 02:00:00:00:00:56 dev va router
ip -n x -6 neigh show 2001:db8::5
ip -n x -6 neigh change 2001:db8::5 lladdr 02:00:00:00:00:57 dev va
ip -n x -6 neigh show 2001:db8::5
ip -n x -6 neigh change 2001:db8::6 lladdr 02:00:00:00:00:57 dev va
ip -n x -6 neigh del 2001:db8::5 dev va
ip -n x -6 neigh del 2001:db8::5 dev va
ip -n x -6 neigh add 2001:db8::7 lladdr 02:00:00:00:00:77 dev va nud reachable
ip -n x -6 neigh show 2001:db8::7
ip -n x -6 neigh add 2001:db8::8 lladdr zz dev va
ip -n x -6 neigh add 10.0.0.1 lladdr 02:00:00:00:00:57 dev va
ip -n x -6 neigh add 2001:db8::9 lladdr 02:00:00:00:00:99 dev va
ip -n x -6 neigh flush dev va
ip -n x -6 neigh show 2001:db8::9
ip -n x -6 neigh flush nud permanent dev va
ip -n x -6 neigh show 2001:db8::9
