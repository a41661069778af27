# Pins down: duplicate address detection: an address already used on the link by the peer
# namespace ends `dadfailed tentative` with no local route; the owner keeps it; deleting it and
# adding a free one works; nodad skips the check and both then hold it.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x addr add 2001:db8::1/64 dev va
sleep 3
ip -n y addr add 2001:db8::1/64 dev vb
sleep 3
ip -n y -6 addr show dev vb
ip -n y -6 route show table local
ip -n x -6 addr show dev va
ip -n y addr del 2001:db8::1/64 dev vb
ip -n y addr add 2001:db8::2/64 dev vb
sleep 3
ip -n y -6 addr show dev vb
ip netns exec y ping -c 1 -W 1 2001:db8::1
ip -n y addr add 2001:db8::1/64 dev vb nodad
ip -n y -6 addr show dev vb
