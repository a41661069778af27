# Pins down: ping across a veth pair between two namespaces: the output format of success
# (count, interval, -s size, -q quiet) and the exit status 0; pinging the namespace's own address
# while its lo is down gets no answer (local delivery goes through lo).
ip netns add x
ip netns add y
ip link add va netns x type veth peer name vb netns y
ip -n x addr add 10.0.0.1/24 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 1
ip netns exec x ping -c 1 -W 1 10.0.0.2
ip netns exec y ping -c 3 -i 0.2 -W 1 10.0.0.1
ip netns exec x ping -c 2 -i 0.2 -s 1000 -W 1 10.0.0.2
ip netns exec x ping -q -c 2 -i 0.2 -w 2 10.0.0.2
ip netns exec x ping -c 1 -W 1 10.0.0.1
