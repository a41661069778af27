# Pins down: `nodad`: a global address added with nodad to an up device is never tentative and
# its local route exists at once; one added without nodad is tentative right after the add;
# the nodad flag in the listing and in -j (`nodad`); accept_dad=0 on the device skips DAD too.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x sysctl -w net.ipv6.neigh.va.retrans_time_ms=3000
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x addr add 2001:db8::2/64 dev va
ip -n x -6 addr show dev va
ip -n x -6 route show table local
ip -n x -j addr show dev va
ip netns exec x sysctl -w net.ipv6.conf.va.accept_dad=0
ip -n x addr add 2001:db8::3/64 dev va
ip -n x -6 addr show dev va
