# Pins down: multicast and arp on/off set and clear MULTICAST and NOARP, on a veth and on lo;
# bad values.
ip link add va type veth peer name vb
ip link set va multicast off
ip link show va
ip link set va arp off
ip link show va
ip link set va multicast on arp on
ip link show va
ip link set va arp maybe
ip link set va multicast
ip link set lo multicast on
ip link set lo arp off
ip link show lo
ip link set lo multicast off arp on
ip link show lo
ip link add vc arp off multicast off type veth peer name vd
ip link show vc
ip link show vd
