# Pins down: address errors: adding the same address twice, deleting one that is not there,
# invalid prefix lengths and addresses, a missing or unknown device, no arguments.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.1/16 dev va
ip addr del 10.0.0.9/24 dev va
ip addr del 10.0.0.1/16 dev va
ip addr add 10.0.0.2/33 dev va
ip addr add 10.0.0.2/-1 dev va
ip addr add 10.0.0.256/24 dev va
ip addr add 10.0.0.2/24
ip addr add 10.0.0.2/24 dev nosuch
ip addr add dev va
ip addr del 10.0.0.1/24 dev nosuch
ip -4 addr show dev va
