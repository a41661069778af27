# Pins down: static routes via a gateway and via a device: ip route output (proto, scope link),
# ip route show with a prefix, exact match, root/match selectors, dev filter; ip route del.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add 192.168.1.0/24 via 10.0.0.2
ip -n x route add 192.168.2.0/24 dev va
ip -n x route add 192.168.0.0/16 via 10.0.0.3 dev va
ip -n x route add 172.16.5.5 via 10.0.0.4
ip -n x route
ip -n x route show 192.168.1.0/24
ip -n x route show root 192.168.0.0/16
ip -n x route show match 192.168.1.7
ip -n x route show dev va
ip -n x route show via 10.0.0.2
ip -n x route del 192.168.1.0/24
ip -n x route delete 172.16.5.5/32 via 10.0.0.4
ip -n x route
