# Pins down: ip -s link counters with IPv6 on (defaults): after 4 s both ends have sent what the
# kernel sends by itself when a link comes up (DAD neighbour solicitation, MLDv2 reports, one
# router solicitation), plus 3 ping -6 requests and replies (118 bytes each) and one NS/NA pair.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x -s link show va
ip -n x link set va up
ip -n y link set vb up
sleep 4
ip -n x -s link show va
ip -n y -s link show vb
ip netns exec x ping -q -c 3 -i 0.2 -W 1 2001:db8::2
ip -n x -s link show va
ip -n y -s -s link show vb
ip -n x -s link show lo
