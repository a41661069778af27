# Pins down: ip -6 addr errors: a prefix longer than 128 (with and without -6), a malformed
# address, an IPv4 address with -6, adding an address twice or with another prefix length
# ("address already assigned"), deleting a missing one, an unknown device, adding with
# disable_ipv6=1 on the device; `peer` with IPv6 (accepted), deleting and re-adding lo's ::1,
# `scope link` on a global (accepted), `addr add dev` without an address.
ip netns add x
ip -n x link set lo up
ip -n x link add va type veth peer name vb
ip -n x -6 addr add 2001:db8::1/129 dev va
ip -n x addr add 2001:db8::1/129 dev va
ip -n x addr add 2001:db8:::1/64 dev va
ip -n x -6 addr add 10.0.0.1/24 dev va
ip -n x addr add 2001:db8::1/64 dev va
ip -n x addr add 2001:db8::1/64 dev va
ip -n x addr add 2001:db8::1/48 dev va
ip -n x addr del 2001:db8::2/64 dev va
ip -n x -6 addr del 2001:db8::1/48 dev va
ip -n x addr add 2001:db8::3/64 dev nosuch
ip netns exec x sysctl -w net.ipv6.conf.vb.disable_ipv6=1
ip -n x addr add 2001:db8::4/64 dev vb
ip -n x addr add 2001:db8::5/64 peer 2001:db8::6/64 dev va
ip -n x -6 addr show dev va
ip -n x addr del ::1/128 dev lo
ip -n x -6 addr show dev lo
ip -n x -6 addr add ::1/128 dev lo
ip -n x -6 addr show dev lo
ip -n x addr add 2001:db8::7/64 dev va scope link
ip -n x -6 addr add dev va
