# Pins down: metric makes routes to one prefix distinct, del with and without metric, replace
# changes an existing route or creates it, change fails on a missing route, append.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add 192.168.1.0/24 via 10.0.0.2
ip -n x route add 192.168.1.0/24 via 10.0.0.3 metric 10
ip -n x route add 192.168.1.0/24 via 10.0.0.4 metric 5
ip -n x route show 192.168.1.0/24
ip -n x route get 192.168.1.1
ip -n x route replace 192.168.1.0/24 via 10.0.0.9 metric 10
ip -n x route replace 192.168.7.0/24 via 10.0.0.7
ip -n x route change 192.168.8.0/24 via 10.0.0.8
ip -n x route append 192.168.7.0/24 via 10.0.0.6
ip -n x route
ip -n x route del 192.168.1.0/24 metric 5
ip -n x route del 192.168.1.0/24
ip -n x route show 192.168.1.0/24
