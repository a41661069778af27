# Pins down: the hop limit through a forwarding router: ping -t 1 dies at the router
# ("Time exceeded: Hop limit" from the router's address on that side, exit 1), -t 2 reaches the
# far host, -t 1 to the router's far address is answered.
ip netns add a1
ip netns add r
ip netns add b1
ip link add eth0 netns a1 address 02:00:00:00:01:02 type veth peer name ra netns r address 02:00:00:00:01:01
ip link add eth0 netns b1 address 02:00:00:00:02:02 type veth peer name rb netns r address 02:00:00:00:02:01
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip -n a1 addr add 2001:db8:1::2/64 dev eth0
ip -n r addr add 2001:db8:1::1/64 dev ra
ip -n r addr add 2001:db8:2::1/64 dev rb
ip -n b1 addr add 2001:db8:2::2/64 dev eth0
ip -n a1 link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n b1 link set eth0 up
sleep 3
ip -n a1 -6 route add default via 2001:db8:1::1
ip -n b1 -6 route add default via 2001:db8:2::1
ip netns exec a1 ping -c 1 -W 1 -t 1 2001:db8:2::2
ip netns exec a1 ping -c 1 -W 1 -t 2 2001:db8:2::2
ip netns exec a1 ping -c 1 -W 1 -t 1 2001:db8:2::1
ip netns exec a1 ping -6 -c 1 -W 1 -t1 2001:db8:2::2
