# Pins down: rule and policy counters after 2 pings (iptables -L -n -v -x): each echo request is
# 84 bytes at the IP layer; the replies pass OUTPUT; ARP never shows up in iptables.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -s 10.0.0.9 -j DROP
ip netns exec x ping -q -c 2 -i 0.2 -W 1 10.0.0.1
iptables -L -n -v -x
iptables -L INPUT -n -v
ip netns exec x iptables -L OUTPUT -n -v -x
