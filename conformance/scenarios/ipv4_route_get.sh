# Pins down: ip route get: a connected destination, a gateway route, a local address (table
# local, dev lo), loopback, a broadcast address, an unreachable destination, a malformed one.
ip netns add x
ip -n x link set lo up
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add 192.168.1.0/24 via 10.0.0.2
ip -n x route get 10.0.0.2
ip -n x route get 192.168.1.1
ip -n x route get 10.0.0.1
ip -n x route get 127.0.0.1
ip -n x route get 10.0.0.255
ip -n x route get 8.8.8.8
ip -n x route get 10.0.0.2 from 10.0.0.1
ip -n x route get 10.0.0.300
ip -n x route get
