# Pins down: carrier across namespaces: one end up shows NO-CARRIER, both up gives UP on both sides,
# the end that goes down shows DOWN and the other end loses its carrier.
ip netns add x
ip link add va type veth peer name vb netns x
ip link set va up
ip -n x link set vb up
sleep 1
ip link show va
ip -n x link show vb
ip -n x link set vb down
sleep 1
ip link show va
ip -n x link show vb
