# Pins down: /sys/class/net of the reader's namespace: the device list, lo's mtu, address, operstate,
# ifindex, iflink, carrier, type, flags; a veth pair's iflink naming the peer, operstate and carrier
# following up/down; a missing device; a namespace's view inside ip netns exec.
ls /sys/class/net
cat /sys/class/net/lo/mtu
cat /sys/class/net/lo/address
cat /sys/class/net/lo/operstate
cat /sys/class/net/lo/ifindex /sys/class/net/lo/iflink /sys/class/net/lo/type /sys/class/net/lo/flags
cat /sys/class/net/lo/carrier
ip link add va type veth peer name vb
ip link set va mtu 1400
ls /sys/class/net
cat /sys/class/net/va/mtu /sys/class/net/va/ifindex /sys/class/net/va/iflink /sys/class/net/vb/iflink
cat /sys/class/net/va/operstate /sys/class/net/va/type /sys/class/net/va/flags
cat /sys/class/net/va/carrier
ip link set va up
ip link set vb up
sleep 1
cat /sys/class/net/va/operstate /sys/class/net/va/carrier /sys/class/net/va/flags
[ "$(cat /sys/class/net/va/address)" = "$(ip -br link show va | awk '{print $3}')" ] && echo "address as ip shows it"
cat /sys/class/net/nosuch/mtu
ip netns add ns1
ip netns exec ns1 ls /sys/class/net
ip netns exec ns1 cat /sys/class/net/lo/operstate
