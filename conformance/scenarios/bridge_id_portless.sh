# Pins down: the bridge id of a new bridge without an explicit address is 8000.0:0:0:0:0:0 (br_dev_setup
# leaves bridge_id.addr zero; the random MAC is only the device address) until a port joins; the lowest
# port MAC becomes both; when the last port leaves both are zero; an explicit address sets the id at once.
ip link add br0 type bridge
ip -d link show br0
ip link add va address 02:00:00:00:0a:05 type veth peer name vb address 02:00:00:00:0a:06
ip link add vc address 02:00:00:00:0a:03 type veth peer name vd address 02:00:00:00:0a:04
ip link set va master br0
ip -d link show br0
ip link set vc master br0
ip -d link show br0
ip link set vc nomaster
ip link set va nomaster
ip -d link show br0
ip link add br1 address 02:00:00:00:0b:01 type bridge
ip -d link show br1
ip link set br1 address 02:00:00:00:0b:02
ip -d link show br1
