# Pins down: promisc and allmulticast on/off: ip link shows the flags the user asked for, ip -d the
# counters (promiscuity, allmulti) that also count a bridge's own requests; on twice counts once;
# a bad value; lo accepts both.
ip link add va type veth peer name vb
ip link set va promisc on
ip link show va
ip -d link show va
ip link set va promisc on
ip -d link show va
ip link set va allmulticast on
ip link show va
ip link set va promisc off allmulticast off
ip -d link show va
ip link set va promisc on
ip link add br0 type bridge
ip link set va master br0
ip link show va
ip link set va promisc off
ip link set va nomaster
ip link show va
ip link set va promisc maybe
ip link set va allmulticast
ip link set lo promisc on
ip link set lo allmulticast on
ip link show lo
ip link set lo promisc off allmulticast off
ip link show lo
