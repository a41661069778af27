# Pins down: txqueuelen/qlen/txqlen, shown as qlen; at creation; values ip and the kernel take or refuse.
ip link add va type veth peer name vb
ip link set va txqueuelen 500
ip link show va
ip link set va qlen 0
ip link show va
ip link set va txqlen 42
ip link show va
ip link set va txqueuelen -1
ip link show va
ip link set va txqueuelen 4294967296
ip link set va txqueuelen abc
ip link set va txqueuelen
ip link add vc txqueuelen 7 type veth peer name vd
ip link show vc
ip link show vd
ip link set lo txqueuelen 10
ip link show lo
