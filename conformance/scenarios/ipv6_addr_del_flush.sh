# Pins down: ip -6 addr del (with and without the prefix length) and flush: flush dev, `-6 flush
# scope global` keeps the link-local, `ip addr flush dev` without -6 removes both families and the
# link-local too, `flush to PREFIX`; routes that go with the addresses.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x addr add 2001:db8::2/64 dev va nodad
ip -n x addr add 2001:db8:1::1/64 dev va nodad
ip -n x addr add 10.0.0.1/24 dev va
ip -n x addr del 2001:db8::2 dev va
ip -n x -6 addr show dev va
ip -n x -6 addr flush to 2001:db8:1::/48
ip -n x -6 addr show dev va
ip -n x -6 addr flush scope global
ip -n x addr show dev va
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x -6 addr flush dev va
ip -n x addr show dev va
ip -n x -6 route show table all
ip -n x link set va down
ip -n x link set va up
sleep 3
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x addr flush dev va
ip -n x addr show dev va
ip -n x -6 route show table all
