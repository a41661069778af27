# Pins down: ICMPv6 error rate limiting is much looser than IPv4's: net.ipv6.icmp.ratelimit is
# 100 ms (and the kernel scales it down for a destination reached through a /64), so all 8 rejected
# echo requests 50 ms apart get "Port unreachable" (+8 errors, where ipv4 gives 6), and one more a
# second later; ip6tables REJECT counts every request (104 bytes each); the sysctls.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec y ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j REJECT
ip netns exec x ping -c 8 -i 0.05 -W 1 2001:db8::2
ip netns exec y sysctl net.ipv6.icmp.ratelimit net.ipv6.icmp.ratemask
sleep 1
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ip6tables -L INPUT -n -v -x
