# Pins down: ipv4_addr_add_show with IPv6: ip -6 addr add on a down veth end (tentative, scope
# global, forever lifetimes), a /128 and a ULA, listing order (newest first within a scope), the
# full ip addr of lo and a down device, ip -6 addr show dev of a device without addresses.
ip link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip addr add 2001:db8::1/64 dev va
ip -6 addr show dev va
ip addr add 2001:db8:7::9/128 dev va
ip address add fd00::1/8 dev va
ip -6 addr show va
ip addr
ip -6 addr show dev vb
ip -6 addr show dev nosuch
