# Pins down: ip6tables counters with the whole chain listed: an ACCEPT rule for echo requests and
# a rule without target for echo replies count 2 x 104 bytes (IPv6 header included); the policy
# counters stay 0 although the NS/NA exchange and the replies fall through to the policies (as
# with iptables in nf_counters); -L -v without -x; -Z zeroes them. No link-local addresses and no
# router solicitations, so that nothing else passes.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip netns exec y sysctl -w net.ipv6.conf.vb.addr_gen_mode=1 net.ipv6.conf.vb.router_solicitations=0
ip netns exec x sysctl -w net.ipv6.conf.va.addr_gen_mode=1 net.ipv6.conf.va.router_solicitations=0
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 4
ip netns exec y ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT
ip netns exec y ip6tables -A OUTPUT -p icmpv6 --icmpv6-type echo-reply
ip netns exec x ping -c 2 -i 0.2 -q -W 1 2001:db8::2
ip netns exec y ip6tables -L -v -n -x
ip netns exec y ip6tables -L OUTPUT -v -n
ip netns exec y ip6tables -Z
ip netns exec y ip6tables -L INPUT -v -n -x
