# Pins down: the scenario's starting point, a booted machine's init_net: only lo, ifindex 1, UP,
# state UNKNOWN, qdisc noqueue; no named namespaces, no nsids, identify prints an empty line.
ip link
ip -br link
ip -j link
ip -o link
ip netns list
ip netns list-id
ip netns identify
