# Pins down: disable_ipv6 on all and default: all=1 sets it on every existing device (lo and the
# veth end lose their addresses) and on default; all=0 brings ::1 and the link-local back;
# default=1 applies only to devices created afterwards (no link-local when up); default=0 does not
# change them, while writing all=0 (even unchanged) re-enables them; other namespaces untouched.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set lo up
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 addr
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec x sysctl net.ipv6.conf.lo.disable_ipv6 net.ipv6.conf.va.disable_ipv6 net.ipv6.conf.default.disable_ipv6
ip -n x -6 addr
ip -n x addr show dev lo
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=0
sleep 3
ip -n x -6 addr show dev lo
ip -n x -6 addr show dev va
ip netns exec x sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip netns exec x sysctl net.ipv6.conf.va.disable_ipv6
ip -n x link add vc address 02:00:00:00:00:0c type veth peer name vd address 02:00:00:00:00:0d
ip netns exec x sysctl net.ipv6.conf.vc.disable_ipv6 net.ipv6.conf.vd.disable_ipv6
ip -n x link set vc up
ip -n x link set vd up
sleep 3
ip -n x addr show dev vc
ip netns exec x sysctl -w net.ipv6.conf.default.disable_ipv6=0
ip netns exec x sysctl net.ipv6.conf.vc.disable_ipv6
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip netns exec x sysctl net.ipv6.conf.vc.disable_ipv6
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip netns exec x sysctl net.ipv6.conf.vc.disable_ipv6
sleep 3
ip -n x -6 addr show dev vc
ip netns exec y sysctl net.ipv6.conf.all.disable_ipv6
