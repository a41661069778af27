# Pins down: address listings in the other formats: ip -j addr (JSON, addr_info), ip -j -p,
# ip -br addr (a space-padded column, addresses after it), ip -4 -o addr (one line per address,
# "\" before valid_lft); IPv6 disabled so only IPv4 shows.
ip netns add x
ip netns exec x sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec x sysctl -w net.ipv6.conf.default.disable_ipv6=1
ip -n x link set lo up
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 brd + dev va
ip -n x addr add 10.0.1.1/24 dev va label va:1
ip -n x link set va up
ip -n x -j addr
ip -n x -j -p addr show dev va
ip -n x -br addr
ip -n x -br -4 addr show dev va
ip -n x -4 -o addr
ip -n x -o addr show dev vb
