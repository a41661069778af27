# Pins down: NUD states in time over IPv6: with base_reachable_time_ms=1000 on the pinger its
# REACHABLE entry has expired 3 s later, but to DELAY, not STALE (it was used within
# delay_first_probe_time, 5 s); another ping leaves it in DELAY; the replier's entry, DELAY right
# after replying, is REACHABLE 7 s later (its unicast probe was answered).
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip netns exec x sysctl -w net.ipv6.neigh.va.base_reachable_time_ms=1000
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip -n x -6 neigh show 2001:db8::2 dev va
ip -n y -6 neigh show 2001:db8::1 dev vb
sleep 3
ip -n x -6 neigh show 2001:db8::2 dev va
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip -n x -6 neigh show 2001:db8::2 dev va
sleep 4
ip -n y -6 neigh show 2001:db8::1 dev vb
