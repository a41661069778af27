# Pins down: a stateful firewall: INPUT policy DROP with ESTABLISHED,RELATED accepted: the host can
# ping out (the replies are ESTABLISHED) but cannot be pinged; the state rule counts the reply.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -i lo -j ACCEPT
iptables -P INPUT DROP
ping -c 1 -W 1 10.0.0.2
ip netns exec x ping -c 1 -W 1 10.0.0.1
iptables -L INPUT -n -v -x
iptables -S INPUT
