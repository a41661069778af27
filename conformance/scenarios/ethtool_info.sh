# Pins down: ethtool -i (driver info) as veth, bridge, loopback and macvlan report it; a missing device.
ip link add va type veth peer name vb
ip link add br0 type bridge
ip link add link va name mv0 type macvlan mode bridge
ethtool -i va
ethtool -i br0
ethtool -i lo
ethtool -i mv0
ethtool -i nosuch
ethtool -i
