# ss -tln per namespace: a listener in b shows only in b; -H drops the header line.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b timeout 5 nc -l 9000 &
sleep 1
ip netns exec b ss -tln
ip netns exec a ss -tln
ip netns exec b ss -H -tln
kill %1
