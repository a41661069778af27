# Pins down: through a router namespace over IPv6: with forwarding off the router answers for its
# own addresses but drops what it would forward (silent loss, exit 1); after
# sysctl -w net.ipv6.conf.all.forwarding=1 the far host answers with hop limit 63; the router's
# per-device forwarding values follow all.
ip netns add a1
ip netns add r
ip netns add b1
ip link add eth0 netns a1 address 02:00:00:00:01:02 type veth peer name ra netns r address 02:00:00:00:01:01
ip link add eth0 netns b1 address 02:00:00:00:02:02 type veth peer name rb netns r address 02:00:00:00:02:01
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
ip netns exec r sysctl net.ipv6.conf.all.forwarding net.ipv6.conf.ra.forwarding
ip netns exec a1 ping -c 1 -W 1 2001:db8:1::1
ip netns exec a1 ping -c 1 -W 1 2001:db8:2::1
ip netns exec a1 ping -c 1 -W 1 2001:db8:2::2
ip netns exec r sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec r sysctl net.ipv6.conf.ra.forwarding net.ipv6.conf.default.forwarding
ip netns exec a1 ping -c 1 -W 1 2001:db8:2::2
ip netns exec b1 ping -c 1 -W 1 2001:db8:1::2
ip -n r -6 route show table local
