# Pins down: unnamed veth ends get veth%d names (lowest free number, peer first), with and
# without a name for one end, and `ip link add type veth` with no name at all.
ip link add type veth
ip link add type veth
ip -br link
ip link add name vx type veth
ip link add type veth peer name vy
ip -br link
ip link del veth1
ip link add type veth
ip -br link
