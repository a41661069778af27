# Pins down: ip addr add/show of IPv4 addresses on a veth end that is down: the inet line with its
# prefix, no brd unless asked, scope global, the label (device name), valid_lft/preferred_lft forever;
# a /32 and a second subnet on the same device; the host-only ip -4 addr listing with lo.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip -4 addr show dev va
ip addr add 192.168.7.9/32 dev va
ip address add 172.16.0.1/12 dev va
ip -4 addr show va
ip -4 addr
ip -4 addr show dev vb
ip -4 addr show dev nosuch
