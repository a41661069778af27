# Pins down: ip6tables REJECT as ping -6 reports it: the default (icmp6-port-unreachable, "Port
# unreachable"), icmp6-adm-prohibited ("Administratively prohibited"), icmp6-addr-unreachable
# ("Address unreachable"), icmp6-no-route ("No route"), tcp-reset on icmpv6 refused; the
# listings of each; an unknown --reject-with type.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec y ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j REJECT
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ip6tables -R INPUT 1 -p ipv6-icmp --icmpv6-type echo-request -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ip6tables -R INPUT 1 -p ipv6-icmp --icmpv6-type echo-request -j REJECT --reject-with icmp6-addr-unreachable
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ip6tables -R INPUT 1 -p ipv6-icmp --icmpv6-type echo-request -j REJECT --reject-with icmp6-no-route
ip netns exec x ping -c 1 -W 1 2001:db8::2
ip netns exec y ip6tables -L INPUT -n
ip netns exec y ip6tables -S INPUT
ip netns exec y ip6tables -R INPUT 1 -p ipv6-icmp -j REJECT --reject-with tcp-reset
ip netns exec y ip6tables -A INPUT -j REJECT --reject-with icmp-host-unreachable
ip netns exec y ip6tables -A INPUT -j REJECT --reject-with nosuch
