# Pins down: ip -d link for a veth pair and lo (promiscuity, min/max mtu, kind line, queues),
# also with -o and -br (which ignores -d); note numtxqueues/numrxqueues of veth follow the
# recording machine's possible CPUs (2 here).
ip link add va type veth peer name vb
ip -d link show va
ip -d link show lo
ip -d -j -p link show vb
ip -d -o link show vb
ip -d -br link
