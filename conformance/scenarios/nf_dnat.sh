# Pins down: DNAT on a router namespace: a1 pings an address nobody owns (192.168.100.1), the
# router rewrites it to b1, and the reply comes back as from 192.168.100.1 (ttl one lower).
ip netns add a1
ip netns add r
ip netns add b1
ip link add eth0 netns a1 type veth peer name ra netns r
ip link add eth0 netns b1 type veth peer name rb netns r
ip -n a1 addr add 10.0.1.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev ra
ip -n r addr add 10.0.2.1/24 dev rb
ip -n b1 addr add 10.0.2.2/24 dev eth0
ip -n a1 link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n b1 link set eth0 up
ip -n a1 route add default via 10.0.1.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n b1 route add default via 10.0.2.1
ip netns exec r iptables -t nat -A PREROUTING -d 192.168.100.1 -j DNAT --to-destination 10.0.2.2
sleep 1
ip netns exec a1 ping -c 1 -W 1 192.168.100.1
ip netns exec a1 ping -c 1 -W 1 192.168.100.2
ip netns exec r iptables -t nat -S
ip netns exec r iptables -t nat -L PREROUTING -n
ip netns exec r iptables -t nat -A PREROUTING -j DNAT
