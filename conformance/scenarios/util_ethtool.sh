# Pins down: the article's `ethtool -k DEV | grep -i netns-local`: 6.18 prints no such feature for
# lo, veth or a bridge (grep exits 1); ethtool -i names the driver; a missing device.
ethtool -k lo | grep -i netns-local
ip link add va type veth peer name vb
ip link add br0 type bridge
ethtool -k va | grep -i netns-local
ethtool -k br0 | grep -i netns
ethtool -k lo | head -1
ethtool -i va | head -1
ethtool -i br0 | head -1
ethtool -k nosuch
