# Pins down: ethtool -S of a veth (peer_ifindex and per-queue counters, also across namespaces and
# after traffic); devices without statistics (lo, bridge, macvlan); ethtool -P permanent addresses.
ip netns add x
ip link add va type veth peer name vb netns x
ethtool -S va
ip netns exec x ethtool -S vb
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
ping -c 2 -i 0.2 -W 1 10.0.0.2
ethtool -S va
ip link add br0 type bridge
ip link add link va name mv0 type macvlan mode bridge
ethtool -S lo
ethtool -S br0
ethtool -S mv0
ethtool -P va
ethtool -P lo
ethtool -P br0
ethtool -P mv0
ethtool -P nosuch
