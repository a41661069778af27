# Pins down: FORWARD on a router namespace: policy DROP stops forwarded pings (the router itself
# still answers), an ACCEPT out of ra plus ESTABLISHED back lets only a1 start pings; counters.
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
ip -n b1 route add default via 10.0.2.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
sleep 1
ip netns exec r iptables -P FORWARD DROP
ip netns exec a1 ping -c 1 -W 1 10.0.2.2
ip netns exec a1 ping -c 1 -W 1 10.0.2.1
ip netns exec r iptables -A FORWARD -i ra -o rb -j ACCEPT
ip netns exec r iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec a1 ping -c 1 -W 1 10.0.2.2
ip netns exec b1 ping -c 1 -W 1 10.0.1.2
ip netns exec r iptables -L FORWARD -n -v -x
