# Pins down: the "prohibited" REJECT types as ping prints them: icmp-net-prohibited,
# icmp-host-prohibited, icmp-admin-prohibited (code 13: "Packet filtered"); the short forms.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -p icmp -j REJECT --reject-with icmp-net-prohibited
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-host-prohibited
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-admin-prohibited
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -S INPUT
iptables -R INPUT 1 -p icmp -j REJECT --reject-with admin-prohib
iptables -A INPUT -p icmp -j REJECT --reject-with host-prohib
iptables -S INPUT
