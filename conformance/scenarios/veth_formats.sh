# Pins down: veth output in -j (link / link_index), -j -p, -br, -o, with one end up.
ip link add va type veth peer name vb
ip link set va up
sleep 1
ip -j link
ip -j -p link show va
ip -br link
ip -br link show vb
ip -o link show va
ip -j -br link
