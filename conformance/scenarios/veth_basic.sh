# Pins down: a veth pair in one namespace: the peer is registered first (lower ifindex),
# A@B names, M-DOWN while the peer is down, random MACs, qdisc noop before the first up.
ip link add va type veth peer name vb
ip link
ip link show va
ip link show dev vb
ip link add name vc type veth peer name vd
ip link
