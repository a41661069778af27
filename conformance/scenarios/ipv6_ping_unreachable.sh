# Pins down: neighbour discovery failing: with lo up, ping -6 to an unused address on the link
# reports "Destination unreachable: Address unreachable" from the own address after the 3
# solicitations (about 3 s, exit 1) and leaves a FAILED neighbour entry; with lo down in the
# pinger's namespace the same ping only times out (the local ICMPv6 error needs lo).
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set lo up
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x ping -c 1 -W 5 2001:db8::9
ip -n x -6 neigh show 2001:db8::9
ip netns exec x ping -c 1 -W 1 2001:db8::8
ip -n x -6 neigh show 2001:db8::8
sleep 4
ip -n x -6 neigh show 2001:db8::8
ip netns exec y ping -c 1 -W 5 2001:db8::7
ip -n y -6 neigh show 2001:db8::7
