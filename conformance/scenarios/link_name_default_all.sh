# "default" and "all" name IPv4's sysctl directories (net.ipv4.conf.default, .all): devinet_sysctl_register
# refuses them as device names (EINVAL), on creation and on rename; the failed creations still use ifindexes.
ip link add default type veth peer name vb
ip link add va type veth peer name all
ip link add va type veth peer name vb
ip link set vb name default
ip link set va name all
ip -br link
ip link show va
