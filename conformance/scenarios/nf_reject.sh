# Pins down: REJECT as ping sees it: the default icmp-port-unreachable (shown in -S) and the
# unreachable --reject-with types, each reported by ping with its own text from the rejecting
# address (+1 errors, exit 1); tcp-reset needs -p tcp (the kernel refuses it), unknown types.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -p icmp -j REJECT
iptables -S INPUT
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-net-unreachable
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-host-unreachable
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-proto-unreachable
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -S INPUT
iptables -R INPUT 1 -p icmp -j REJECT --reject-with tcp-reset
iptables -R INPUT 1 -p icmp -j REJECT --reject-with bogus
