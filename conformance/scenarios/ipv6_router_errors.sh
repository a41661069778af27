# Pins down: ICMPv6 errors a forwarding router sends back, as ping -6 reports them: no route at
# the router ("Destination unreachable: No route"), an unreachable route ("No route"), a prohibit
# route ("Administratively prohibited"), a blackhole route (silent), and an unused address on its
# far link ("Address unreachable" after neighbour discovery fails, about 3 s).
ip netns add a1
ip netns add r
ip netns add b1
ip link add eth0 netns a1 address 02:00:00:00:01:02 type veth peer name ra netns r address 02:00:00:00:01:01
ip link add eth0 netns b1 address 02:00:00:00:02:02 type veth peer name rb netns r address 02:00:00:00:02:01
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
ip -n r -6 route add unreachable 2001:db8:5::/64
ip -n r -6 route add prohibit 2001:db8:6::/64
ip -n r -6 route add blackhole 2001:db8:7::/64
ip netns exec a1 ping -c 1 -W 1 2001:db8:9::1
ip netns exec a1 ping -c 1 -W 1 2001:db8:5::1
ip netns exec a1 ping -c 1 -W 1 2001:db8:6::1
ip netns exec a1 ping -c 1 -W 1 2001:db8:7::1
ip netns exec a1 ping -c 1 -W 5 2001:db8:2::9
ip -n r -6 neigh show 2001:db8:2::9
