# Pins down: primary and secondary addresses: a second address inside an existing subnet is
# "secondary"; deleting the primary deletes its secondaries (promote_secondaries 0), with
# net.ipv4.conf.va.promote_secondaries=1 the first secondary is promoted instead.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.2/24 dev va
ip addr add 10.0.0.3/16 dev va
ip addr add 10.0.0.4/24 dev va
ip -4 addr show dev va
ip addr del 10.0.0.1/24 dev va
ip -4 addr show dev va
sysctl -w net.ipv4.conf.va.promote_secondaries=1
ip addr add 10.0.5.1/24 dev va
ip addr add 10.0.5.2/24 dev va
ip addr add 10.0.5.3/24 dev va
ip addr del 10.0.5.1/24 dev va
ip -4 addr show dev va
