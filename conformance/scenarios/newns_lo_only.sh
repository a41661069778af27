# Pins down: a new namespace holds exactly one device, lo, DOWN, ifindex 1, qdisc noop,
# in every output format (plain, -j, -j -p, -br, -o, -d).
ip netns add a
ip -n a link
ip -n a -j link
ip -n a -j -p link
ip -n a -br link
ip -n a -o link
ip -n a -d link
ip netns exec a ip link show lo
ip netns del a
