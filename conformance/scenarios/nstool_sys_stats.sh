# Pins down: /sys/class/net/DEV/statistics: the counter files, and rx/tx packets after pings over
# a veth pair between two namespaces (IPv6 off first, so only the pings and ARP are counted).
ip netns add a1
ip netns add a2
ip netns exec a1 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec a2 sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n a1 link add va type veth peer name vb netns a2
ip -n a1 addr add 10.0.0.1/24 dev va
ip -n a2 addr add 10.0.0.2/24 dev vb
ip -n a1 link set va up
ip -n a2 link set vb up
sleep 1
ip netns exec a1 ls /sys/class/net/va/statistics | head -4
ip netns exec a1 cat /sys/class/net/va/statistics/tx_packets /sys/class/net/va/statistics/rx_packets
ip netns exec a1 ping -q -c 2 -i 0.2 -W 1 10.0.0.2 | grep transmitted
ip netns exec a1 cat /sys/class/net/va/statistics/tx_packets /sys/class/net/va/statistics/rx_packets
ip netns exec a2 cat /sys/class/net/vb/statistics/rx_bytes /sys/class/net/vb/statistics/tx_bytes
