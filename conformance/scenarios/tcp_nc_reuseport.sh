# A second nc -l on the same port also listens (netcat-openbsd sets SO_REUSEPORT as well as SO_REUSEADDR): timeout ends it, 124.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
sleep 1
ip netns exec b timeout 5 nc -l 9000 &
sleep 1
ip netns exec b timeout 3 nc -l 9000
kill %1
