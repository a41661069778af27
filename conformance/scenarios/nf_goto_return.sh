# Pins down: -j versus -g: RETURN from a jumped-to chain continues after the jump (the counting rule
# after it sees the packet), RETURN from a goto chain ends the calling base chain (its policy
# applies, the counting rule does not see it); counters show which rules saw each ping.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -N sub
iptables -A sub -p icmp -j RETURN
iptables -A INPUT -p icmp -j sub
iptables -A INPUT -p icmp
ip netns exec x ping -q -c 1 -W 1 10.0.0.1
iptables -L INPUT -n -v -x
iptables -R INPUT 1 -p icmp -g sub
iptables -Z
ip netns exec x ping -q -c 1 -W 1 10.0.0.1
iptables -L -n -v -x
iptables -S INPUT
iptables -P INPUT DROP
ip netns exec x ping -q -c 1 -W 1 10.0.0.1
