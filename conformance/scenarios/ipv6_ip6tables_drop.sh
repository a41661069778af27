# Pins down: ip6tables in a namespace: a DROP rule for ICMPv6 echo requests makes ping -6 time
# out while neighbour discovery still works; the rule's counters (-L -v -n -x, one 104-byte
# request per ping) of the rule line only; -Z; -S; ip6tables-save; the other namespace's rules
# and iptables' are untouched.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec y ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j DROP
ip netns exec y ip6tables -S
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ip6tables -L INPUT 1 -v -n -x
ip netns exec y ip6tables -S INPUT 1 -v
ip netns exec y ip6tables -Z INPUT 1
ip netns exec y ip6tables -L INPUT 1 -v -n -x
ip netns exec y iptables -S
ip netns exec x ip6tables -S
ip netns exec y ip6tables-save
ip netns exec y ip6tables -D INPUT 1
ip netns exec x ping -c 1 -W 1 2001:db8::2
