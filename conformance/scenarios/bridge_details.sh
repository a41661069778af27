# Pins down: ip -d link for a bridge (bridge attributes, bridge_id from the MAC without leading
# zeros) and for a bridge port (bridge_slave attributes), plain and JSON; MACs fixed so that
# the bridge id is stable; everything down so that no timer runs.
ip link add br0 address 02:00:00:00:0b:01 type bridge
ip link add va address 02:00:00:00:0a:01 type veth peer name vb address 02:00:00:00:0a:02
ip link set va master br0
ip -d link show br0
ip -d link show va
ip -d -j -p link show va
