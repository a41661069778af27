# Pins down: negation with !: ! -s, ! -d, ! -i, ! -p as -S and -L -n print them, and its effect:
# host y drops ICMP from everyone except 10.0.0.1, so x gets answers and z does not.
ip netns add x
ip netns add y
ip netns add z
ip link add va netns x type veth peer name vb netns y
ip link add vc netns z type veth peer name vd netns y
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n y addr add 10.0.1.2/24 dev vd
ip -n z addr add 10.0.1.1/24 dev vc
ip -n x link set va up
ip -n y link set vb up
ip -n y link set vd up
ip -n z link set vc up
sleep 1
ip netns exec y iptables -A INPUT ! -s 10.0.0.1 -p icmp -j DROP
ip netns exec x ping -c 1 -W 1 10.0.0.2
ip netns exec z ping -c 1 -W 1 10.0.1.2
ip netns exec y iptables -A INPUT ! -d 10.0.0.0/8 ! -i lo ! -p tcp -j DROP
ip netns exec y iptables -S INPUT
ip netns exec y iptables -L INPUT -n -v
ip netns exec y iptables -A INPUT ! ! -s 10.0.0.1 -j DROP
ip netns exec y iptables -A INPUT -s ! 10.0.0.1 -j DROP
