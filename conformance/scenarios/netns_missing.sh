# Pins down: every way of naming a namespace that does not exist, with its exact error and status.
ip -n missing link
ip -n missing netns list
ip netns exec missing true
ip netns set missing 1
ip netns pids missing
ip link add va type veth peer name vb netns missing
ip link add va netns missing type veth peer name vb
ip link
