# Pins down: /proc/net/snmp6 of a namespace with only lo up, before and after two ping -6 ::1
# (Ip6 receives/delivers/out requests, Icmp6 echo counters, the per-type Icmp6InType128/129
# lines appear once counted); an unrouted ping counts Ip6OutNoRoutes.
ip netns add x
ip -n x link set lo up
ip netns exec x cat /proc/net/snmp6
ip netns exec x ping -6 -c 2 -i 0.2 -q -W 1 ::1
ip netns exec x cat /proc/net/snmp6
ip netns exec x ping -6 -c 1 -W 1 2001:db8::1
ip netns exec x cat /proc/net/snmp6
