# Pins down: IPv6 routers do not fragment: a 1300-byte ping to a host behind a router whose far
# link has mtu 1280 gets "Packet too big: mtu=1280" from the router (exit 1); the sender then
# fragments itself and the next ping of that size is answered; route get shows the learned mtu.
ip netns add a1
ip netns add r
ip netns add b1
ip link add eth0 netns a1 address 02:00:00:00:01:02 type veth peer name ra netns r address 02:00:00:00:01:01
ip link add eth0 netns b1 address 02:00:00:00:02:02 mtu 1280 type veth peer name rb netns r address 02:00:00:00:02:01 mtu 1280
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip -n a1 addr add 2001:db8:1::2/64 dev eth0 nodad
ip -n r addr add 2001:db8:1::1/64 dev ra nodad
ip -n r addr add 2001:db8:2::1/64 dev rb nodad
ip -n b1 addr add 2001:db8:2::2/64 dev eth0 nodad
ip -n a1 link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n b1 link set eth0 up
sleep 3
ip -n a1 -6 route add default via 2001:db8:1::1
ip -n b1 -6 route add default via 2001:db8:2::1
ip netns exec a1 ping -c 1 -W 1 -s 1200 2001:db8:2::2
ip netns exec a1 ping -c 1 -W 1 -s 1300 2001:db8:2::2
ip netns exec a1 ping -c 1 -W 1 -s 1300 2001:db8:2::2
ip -n a1 -6 route get 2001:db8:2::2
ip netns exec b1 ping -c 1 -W 1 -s 1300 2001:db8:1::2
