# Pins down: IPv6 route types blackhole, unreachable, prohibit and throw: how ip -6 route lists
# them (`dev lo`, metric 1024), route get of each (errors), and what ping -6 reports for each.
ip netns add x
ip -n x link set lo up
ip -n x -6 route add blackhole 2001:db8:1::/64
ip -n x -6 route add unreachable 2001:db8:2::/64
ip -n x -6 route add prohibit 2001:db8:3::/64
ip -n x -6 route add throw 2001:db8:4::/64
ip -n x -6 route
ip -n x -6 route show type unreachable
ip -n x -6 route get 2001:db8:1::1
ip -n x -6 route get 2001:db8:2::1
ip -n x -6 route get 2001:db8:3::1
ip -n x -6 route get 2001:db8:4::1
ip -n x -6 route get 2001:db8:5::1
ip netns exec x ping -6 -c 1 -W 1 2001:db8:1::1
ip netns exec x ping -6 -c 1 -W 1 2001:db8:2::1
ip netns exec x ping -6 -c 1 -W 1 2001:db8:3::1
ip netns exec x ping -6 -c 1 -W 1 2001:db8:4::1
ip -n x -6 route del prohibit 2001:db8:3::/64
ip -n x -6 route del 2001:db8:2::/64
ip -n x -6 route
ip -n x route add blackhole 2001:db8:9::/64
ip -n x -6 route show type blackhole
