# Pins down: ethtool -k per kind (veth, bridge, lo, macvlan): 6.18 prints no netns-local line;
# a missing device.
ip link add va type veth peer name vb
ip link add br0 type bridge
ip link add link va name mv0 type macvlan mode bridge
ethtool -k va
ethtool -k br0
ethtool -k lo
ethtool -k mv0
ethtool -k nosuch
