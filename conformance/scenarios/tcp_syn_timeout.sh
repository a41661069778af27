# SYNs eaten by a DROP rule: with tcp_syn_retries 1 the connect gives up after 1 s + 2 s, ETIMEDOUT.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
sleep 1
ip netns exec b iptables -A INPUT -p tcp --dport 9000 -j DROP
ip netns exec a sysctl -w net.ipv4.tcp_syn_retries=1
ip netns exec a timeout 10 nc -v 10.0.0.2 9000
