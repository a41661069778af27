# Pins down: each namespace has its own ruleset: a fresh namespace starts empty (ACCEPT policies),
# a rule added in one namespace is invisible in the others and only filters that namespace's traffic.
ip netns add x
ip netns add y
ip link add va netns x type veth peer name vb netns y
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 1
iptables -A INPUT -p icmp -j DROP
iptables -A OUTPUT -p icmp -j DROP
ip netns exec x ping -c 1 -W 1 10.0.0.2
ip netns exec y iptables -A INPUT -s 10.0.0.1 -p icmp -j DROP
ip netns exec x ping -c 1 -W 1 10.0.0.2
ip netns exec y ping -c 1 -W 1 10.0.0.1
iptables -S
ip netns exec x iptables -S
ip netns exec y iptables -S
