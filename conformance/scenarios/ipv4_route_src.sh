# Pins down: src (preferred source) on a route: shown in ip route and used by route get;
# a src that is not a local address is refused; the kernel's pick without src.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.1.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add 192.168.1.0/24 via 10.0.0.2 src 10.0.1.1
ip -n x route add 192.168.2.0/24 via 10.0.0.2
ip -n x route add 192.168.3.0/24 via 10.0.0.2 src 10.9.9.9
ip -n x route
ip -n x route get 192.168.1.5
ip -n x route get 192.168.2.5
