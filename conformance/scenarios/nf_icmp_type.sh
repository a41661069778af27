# Pins down: -p icmp --icmp-type: dropping echo-request blocks pings to the host but not its own
# pings out (their echo-replies pass); names and numbers in -S/-L -n; unknown types; ! negation.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -p icmp --icmp-type echo-request -j DROP
ip netns exec x ping -c 1 -W 1 10.0.0.1
ping -c 1 -W 1 10.0.0.2
iptables -A INPUT -p icmp --icmp-type 0 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type port-unreachable -j ACCEPT
iptables -A INPUT -p icmp ! --icmp-type any -j ACCEPT
iptables -S INPUT
iptables -L INPUT -n
iptables -A INPUT -p icmp --icmp-type nosuch -j DROP
iptables -A INPUT --icmp-type 8 -j DROP
