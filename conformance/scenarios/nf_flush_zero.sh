# Pins down: -Z zeroes rule and policy counters (all chains or one), -L -Z lists then zeroes,
# -F flushes one chain or all and keeps the policies and user chains; -F of a missing chain.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -N mine
iptables -A INPUT -p icmp -j mine
iptables -A mine -p icmp
iptables -A OUTPUT -p icmp
ip netns exec x ping -q -c 1 -W 1 10.0.0.1
iptables -Z OUTPUT
iptables -L -n -v -x
iptables -L INPUT -n -v -x -Z
iptables -L INPUT -n -v -x
iptables -F INPUT
iptables -S
iptables -F
iptables -S
iptables -F nosuch
