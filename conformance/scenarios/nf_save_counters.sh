# Pins down: iptables-save -c prints [packets:bytes] for policies and rules; -c on -A/-I sets
# initial counters (-S -c / -L -v -x show them).
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -c 5 500 -s 10.9.9.9 -j DROP
ip netns exec x ping -q -c 2 -i 0.2 -W 1 10.0.0.1
iptables-save -c
iptables -S INPUT -v
iptables -L INPUT -n -v -x
