# Pins down: ip addr show to PREFIX implies the inet family: no link/ether lines, devices without a
# match are not listed.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.1.1/24 dev vb
ip addr show to 10.0.0.0/24
ip addr show to 10.0.0.1
ip addr show to 10.0.0.0/8
ip addr show to 192.168.0.0/16
ip addr show dev va to 10.0.0.0/24
