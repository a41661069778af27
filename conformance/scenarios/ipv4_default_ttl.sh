# Pins down: net.ipv4.ip_default_ttl is per namespace (64 by default): the replier's value is
# the ttl ping prints; sysctl -n prints the bare value, cat of /proc/sys the same; range 1..255.
ip netns add x
ip netns add y
ip link add va netns x type veth peer name vb netns y
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip netns exec y sysctl net.ipv4.ip_default_ttl
ip netns exec y sysctl -w net.ipv4.ip_default_ttl=33
ip netns exec x sysctl -n net.ipv4.ip_default_ttl
ip netns exec y cat /proc/sys/net/ipv4/ip_default_ttl
ip netns exec x ping -c 1 -W 1 10.0.0.2
sysctl net.ipv4.ip_default_ttl
ip netns exec y sysctl -w net.ipv4.ip_default_ttl=0
ip netns exec y sysctl -w net.ipv4.ip_default_ttl=256
ip netns exec y sysctl -n net.ipv4.ip_default_ttl
