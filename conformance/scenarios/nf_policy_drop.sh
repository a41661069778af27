# Pins down: chain policies: -P INPUT DROP makes ping time out (exit 1, 100% loss) and shows as
# "policy DROP" / ":INPUT DROP"; -P INPUT ACCEPT restores it; -P FORWARD DROP does not touch
# local traffic.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -P INPUT DROP
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -L INPUT -n
iptables -S
iptables -P INPUT ACCEPT
iptables -P FORWARD DROP
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -L -n
