# Pins down: ICMP errors to one peer are rate limited (icmp_ratelimit 1000 ms, a burst of 6): of 8
# rejected echo requests 50 ms apart only the first 6 get "Destination Port Unreachable" (+6 errors),
# the other 2 are silent; a second later one more error gets through; REJECT still counts all.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -p icmp -j REJECT
ip netns exec x ping -c 8 -i 0.05 -W 1 10.0.0.1
sysctl net.ipv4.icmp_ratelimit net.ipv4.icmp_ratemask
sleep 1
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -L INPUT -n -v -x
