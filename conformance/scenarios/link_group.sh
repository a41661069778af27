# Pins down: group N on set and add, `ip link show group N`, group default, bad values.
ip link add va type veth peer name vb
ip link set va group 7
ip link set vb group 7
ip link show group 7
ip link show va
ip link set va group default
ip link show group 7
ip link set va group 4294967295
ip link show va
ip link set va group -1
ip link set va group abc
ip link add vc group 3 type veth peer name vd
ip link show group 3
ip link show group 0
ip -d link show vb
