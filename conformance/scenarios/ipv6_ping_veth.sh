# Pins down: ping across a veth pair between two namespaces over IPv6 global addresses: the output
# format (bytes from ADDR, icmp_seq, ttl=64), -c -i -s -q -w; the own address and an address of
# the subnet that nobody has are silent losses here because lo is down in x (see
# ipv6_ping_unreachable); an address with no route ("Network is unreachable", exit 2).
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va
ip -n y addr add 2001:db8::2/64 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ping -6 -c 2 -i 0.2 -W 1 2001:db8::1
ip netns exec x ping -c 3 -i 0.2 -q -W 1 2001:db8::2
ip netns exec x ping -c 1 -s 1400 -W 1 2001:db8::2
ip netns exec x ping -c 1 -w 2 2001:db8::2
ip netns exec x ping -c 1 -W 1 2001:db8::1
ip netns exec x ping -c 1 -W 4 2001:db8::9
ip netns exec x ping -c 1 -W 1 2001:db8:1::9
