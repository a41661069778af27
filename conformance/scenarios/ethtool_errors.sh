# Pins down: ethtool's errors: no device, a missing device for -S, an unknown option, extra words;
# the long option names.
ethtool -S nosuch
ethtool -k
ethtool -P
ethtool --nosuch lo
ethtool -i lo extra
ethtool --driver lo
ethtool --statistics lo
ethtool --show-permaddr lo
ip link add va type veth peer name vb
ethtool --driver va
ethtool --statistics vb
