# Pins down: ip addr flush: by device (all IPv4 of it, silent), by prefix (to), by label,
# flushing nothing, and flush without a selector.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.1.1/24 dev va label va:1
ip addr add 10.0.2.1/24 dev va
ip addr add 192.168.0.1/24 dev va
ip addr add 10.9.0.1/24 dev vb
ip -4 addr flush to 10.0.2.0/24
ip -4 addr show dev va
ip addr flush label va:1
ip -4 addr show dev va
ip addr flush dev va
ip -4 addr show dev va
ip addr flush dev va
ip -4 addr show dev vb
ip addr flush
ip addr flush dev nosuch
