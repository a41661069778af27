# Pins down: MASQUERADE on a router namespace: b1 has no route back to a1's network, so ping
# from a1 fails until the router masquerades out of rb; b1 then sees the router's address
# (its counting rule for -s 10.0.2.1 matches) and the reply is un-NATed back to a1.
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
ip netns exec b1 iptables -A INPUT -s 10.0.2.1 -p icmp
ip netns exec b1 iptables -A INPUT -s 10.0.1.2 -p icmp
sleep 1
ip netns exec a1 ping -c 1 -W 1 10.0.2.2
ip netns exec r iptables -t nat -A POSTROUTING -o rb -j MASQUERADE
ip netns exec a1 ping -c 1 -W 1 10.0.2.2
ip netns exec b1 iptables -L INPUT -n -v -x
ip netns exec r iptables -t nat -S
ip netns exec r iptables -t nat -L POSTROUTING -n
