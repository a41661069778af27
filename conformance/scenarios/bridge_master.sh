# Pins down: ip link add type bridge, master/nomaster, `master br0` in ip link output,
# ip link show master br0, and the errors for a missing or non-bridge master; port MACs are fixed
# because the bridge takes the lowest one.
ip link add br0 type bridge
ip link add va address 02:00:00:00:cc:01 type veth peer name vb
ip link add vc address 02:00:00:00:cc:02 type veth peer name vd
ip link set va master br0
ip link set dev vc master br0
ip link
ip link show master br0
ip -br link show master br0
ip -j link show va
ip link set va nomaster
ip link show master br0
ip link set va master nosuch
ip link set va master vb
ip link set lo master br0
ip link set br0 master br0
ip link show master nosuch
