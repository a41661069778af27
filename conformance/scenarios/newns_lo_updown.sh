# Pins down: lo in a new namespace going up (LOOPBACK,UP,LOWER_UP, state UNKNOWN, qdisc noqueue)
# and down again (the noqueue qdisc stays), and the same on the host's lo.
ip netns add a
ip -n a link set lo up
ip -n a link show lo
ip -n a link set lo down
ip -n a link show lo
ip -n a -br link
ip link set lo down
ip link show lo
ip -br link
ip link set lo up
ip link show lo
ip netns del a
