# Lab 3: a LAN of three hosts on a bridge.
# Run it with: ./nssim run examples/03-bridge-lan.sh
#
# A bridge is a virtual switch. Here it lives in its own namespace "lan", and each host namespace
# is plugged into it with a veth pair: eth0 in the host, pN in lan, enslaved to the bridge.
ip netns add lan
ip netns add h1
ip netns add h2
ip netns add h3
ip -n lan link add br0 type bridge
ip -n lan link add p1 type veth peer name eth0 netns h1
ip -n lan link add p2 type veth peer name eth0 netns h2
ip -n lan link add p3 type veth peer name eth0 netns h3
ip -n lan link set p1 master br0
ip -n lan link set p2 master br0
ip -n lan link set p3 master br0
ip -n lan link set br0 up
ip -n lan link set p1 up
ip -n lan link set p2 up
ip -n lan link set p3 up
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
# h3 leaves its cable unplugged: p3 is up but has no carrier.
sleep 2
ip -n lan -br link
ip -n lan link show master br0
# Each port holds a reference on its device ("bridge br0 port"); the bridge lists its ports.
nssim -n lan show dev br0
nssim -n lan show dev p1
# The whole machine as a graph (render it with: dot -Tsvg), namespaces as clusters.
nssim dot
# A bridge cannot leave its namespace.
ip -n lan link set br0 netns h1
# Deleting the LAN namespace deletes the bridge and the pN ends, and with them every eth0.
ip netns del lan
sleep 1
ip -n h1 -br link
ip -n h3 -br link
ip netns del h1
ip netns del h2
ip netns del h3
