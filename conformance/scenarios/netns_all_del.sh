# Pins down: ip -all netns delete removes every name (and the devices die with the nets);
# with no namespaces it is silent, and an extra name argument is ignored.
ip netns add a
ip netns add b
ip link add va type veth peer name vb netns a
ip -all netns del
ip netns list
sleep 1
ip link
ip -all netns del
ip netns add c
ip -all netns delete c
ip netns list
