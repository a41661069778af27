# Pins down: a bridge without an explicit address takes the lowest MAC of its ports, shows
# 00:00:00:00:00:00 when the last port leaves, and keeps an address that was set explicitly.
ip link add br0 type bridge
ip link add v1 address 02:00:00:00:aa:05 type veth peer name p1
ip link add v2 address 02:00:00:00:aa:03 type veth peer name p2
ip link set v1 master br0
ip -br link show br0
ip link set v2 master br0
ip -br link show br0
ip link set v2 nomaster
ip -br link show br0
ip link set v1 nomaster
ip -br link show br0
ip link set br0 address 02:00:00:00:aa:09
ip link set v2 master br0
ip -br link show br0
ip link add br1 address 02:00:00:00:aa:0b type bridge
ip link set v1 master br1
ip -br link show br1
