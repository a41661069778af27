# Pins down: sysctl of net.* keys: per-namespace values, -n, several keys, ip_forward also
# switching the per-device forwarding keys, /proc/sys/net read with cat, unknown keys and
# invalid values (texts and exit codes).
ip netns add x
ip -n x link add va type veth peer name vb
ip netns exec x sysctl net.ipv4.ip_forward net.ipv4.conf.va.forwarding
ip netns exec x sysctl -w net.ipv4.ip_forward=1
ip netns exec x sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.va.forwarding
ip netns exec x cat /proc/sys/net/ipv4/conf/vb/forwarding
sysctl net.ipv4.ip_forward
sysctl -n net.ipv4.ip_forward net.ipv4.ip_default_ttl
ip netns exec x sysctl net.ipv4.nosuch
ip netns exec x sysctl -w net.ipv4.nosuch=1
ip netns exec x sysctl -w net.ipv4.ip_forward=abc
ip netns exec x sysctl -w net.ipv4.ip_forward
ip netns exec x sysctl -n net.ipv4.ip_forward
ip netns exec x cat /proc/sys/net/ipv4/nosuch
