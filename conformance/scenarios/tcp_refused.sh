# A connection to a port nobody listens on in another namespace is refused: the SYN is answered with RST.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
sleep 1
ip netns exec a timeout 3 nc -v -w 1 10.0.0.2 9000
ip netns exec a timeout 3 nc -z -v -w 1 10.0.0.2 9000
