# Pins down: ip route show table all with both families on a veth pair: the IPv4 tables (100,
# main, local), then the IPv6 ones (100, main, local), `table X` printed except for main;
# `ip -4`/`-6 route show table all`, table 100 alone, and ip route show table local (IPv4 only).
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set lo up
ip -n x addr add 10.0.0.1/24 dev va
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2 table 100
ip -n x route add 10.1.0.0/16 via 10.0.0.2 table 100
ip -n x route show table all
ip -n x -6 route show table all
ip -n x -4 route show table all
ip -n x route show table local
ip -n x -6 route show table 100
ip -n x route show table 100
