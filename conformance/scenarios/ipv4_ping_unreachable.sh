# Pins down: ping failures: no route at all ("connect: Network is unreachable", exit 2); an
# on-link address nobody answers: a silent timeout (exit 1), and with -W 5 the failed ARP reported
# as "Destination Host Unreachable" with "+N errors" (only once lo is up: the ICMP error goes to
# the sender's own address); the neighbour entry is then FAILED; usage errors.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
sleep 1
ip netns exec x ping -c 1 -W 1 192.168.1.1
ip netns exec x ping -c 1 -W 1 10.0.0.3
ip netns exec x ping -c 1 -W 5 10.0.0.2
ip -n x neigh show 10.0.0.2 dev va
ip -n x link set lo up
ip netns exec x ping -c 1 -W 5 10.0.0.4
ip netns exec x ping -c 0 -W 1 10.0.0.2
ip netns exec x ping -c 1 -W 1
