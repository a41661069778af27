# Pins down: the hop limit of echo requests comes from net.ipv6.conf.DEV.hop_limit of the
# outgoing device (the reply's from the replier's device): ping's ttl= shows what arrives;
# writing conf.all.hop_limit or conf.default.hop_limit does not change existing devices.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y sysctl -w net.ipv6.conf.vb.hop_limit=33
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y sysctl -w net.ipv6.conf.all.hop_limit=44
ip netns exec y sysctl net.ipv6.conf.vb.hop_limit net.ipv6.conf.lo.hop_limit
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y sysctl -w net.ipv6.conf.default.hop_limit=55
ip netns exec y sysctl net.ipv6.conf.vb.hop_limit
ip netns exec x ping -c 1 -W 1 2001:db8::2
