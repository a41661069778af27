# Pins down: route errors: a gateway that is not on a connected network ("Nexthop has invalid
# gateway"), the same route twice ("File exists"), deleting a missing route ("No such process"),
# an unknown device, a down device, a bad prefix, host bits set, no device at all; a gateway that
# is a local address is accepted; routes on a link whose peer went down are flagged linkdown.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add 192.168.1.0/24 via 172.16.0.1
ip -n x route add 192.168.1.0/24 via 10.0.0.2
ip -n x route add 192.168.1.0/24 via 10.0.0.2
ip -n x route add 192.168.1.0/24 via 10.0.0.3
ip -n x route del 192.168.9.0/24
ip -n x route del 192.168.1.0/24 via 10.0.0.9
ip -n x route add 192.168.2.0/24 dev nosuch
ip -n x route add 192.168.2.0/24 dev vb
ip -n x link set vb down
ip -n x route add 192.168.3.0/24 dev vb
ip -n x route add 192.168.4.0/33 dev va
ip -n x route add 192.168.4.1/24 dev va
ip -n x route add 192.168.5.0/24 via 10.0.0.1
ip -n x route add 192.168.6.0/24
ip -n x route
