# Pins down: -i/-o with a trailing + match every interface with that prefix (a bare + matches all):
# a DROP on -i v+ stops ping over va, -i e+ does not; listing forms; -o + in OUTPUT.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -i v+ -p icmp -j DROP
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -R INPUT 1 -i e+ -p icmp -j DROP
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -A OUTPUT -o + -p icmp
iptables -A OUTPUT -o va -p icmp
iptables -A OUTPUT -o vb -p icmp
ping -c 1 -W 1 10.0.0.2
iptables -L -n -v -x
iptables -S
