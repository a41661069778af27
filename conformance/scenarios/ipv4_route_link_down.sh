# Pins down: static routes through a device are deleted when it goes down and do not come back
# when it comes up again; only the kernel's own prefix route returns.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add 192.168.1.0/24 via 10.0.0.2
ip -n x route add 192.168.2.0/24 dev va
ip -n x route add default via 10.0.0.254
ip -n x route
ip -n x link set va down
ip -n x route
ip -n x link set va up
sleep 1
ip -n x route
