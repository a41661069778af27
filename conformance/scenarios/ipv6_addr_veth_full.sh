# Pins down: the full `ip addr` of a namespace with lo and a veth end up, IPv4 and IPv6 addresses
# (no -4): inet lines before inet6 lines, inet6 global before link-local, lo's ::1; `ip addr show
# dev`, `ip -6 addr`, a down peer end in the same namespace without inet6 lines.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link add vc address 02:00:00:00:00:0c type veth peer name vd address 02:00:00:00:00:0d
ip -n x link set lo up
ip -n x addr add 10.0.0.1/24 dev va
ip -n x addr add 2001:db8::1/64 dev va
ip -n y addr add 10.0.0.2/24 dev vb
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x addr
ip -n y addr
ip -n x addr show dev va
ip -n x -6 addr
ip -n x address show up
