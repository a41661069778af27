# Pins down: net.ipv6.conf.DEV.disable_ipv6: 0 by default; set to 1 on an up device it removes
# its link-local and global addresses and their routes at once; adding an address then fails;
# set back to 0 the link-local returns after DAD (the global does not); lo's ::1 too.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set lo up
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x sysctl net.ipv6.conf.va.disable_ipv6
ip -n x -6 addr show dev va
ip netns exec x sysctl -w net.ipv6.conf.va.disable_ipv6=1
ip -n x addr show dev va
ip -n x -6 route show table all
ip -n x addr add 2001:db8::1/64 dev va
ip netns exec x sysctl -w net.ipv6.conf.va.disable_ipv6=0
sleep 3
ip -n x -6 addr show dev va
ip -n x -6 route
ip netns exec x sysctl -w net.ipv6.conf.lo.disable_ipv6=1
ip -n x addr show dev lo
ip netns exec x ping -6 -c 1 -W 1 ::1
ip netns exec x sysctl -w net.ipv6.conf.lo.disable_ipv6=0
ip -n x -6 addr show dev lo
ip netns exec x cat /proc/sys/net/ipv6/conf/va/disable_ipv6
