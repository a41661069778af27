# Pins down: ip link set DEV netns NS keeps the ifindex when it is free in the target and gets the
# target's next ifindex when it is taken; the peer left behind shows A@ifN and link-netns.
ip netns add x
ip link add va type veth peer name vb
ip link add vc type veth peer name vd
ip link set vc netns x
ip -n x link
ip link
ip -n x link add p1 type veth peer name p2
ip -n x -br link
ip link set vb netns x
ip -n x link
ip link
