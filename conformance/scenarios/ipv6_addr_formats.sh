# Pins down: ipv4_addr_formats with IPv6 on: ip -j addr (addr_info with inet6 entries, `nodad`),
# ip -j -p, ip -br addr (IPv4 then IPv6 after the column; lo's ::1/128), ip -o addr (one line per
# address, inet6 lines too), -o of a down device without addresses. As there, vb stays down, so va
# has no carrier and no link-local address: only its nodad global shows.
ip netns add x
ip -n x link set lo up
ip -n x link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip -n x addr add 10.0.0.1/24 brd + dev va
ip -n x addr add 10.0.1.1/24 dev va label va:1
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x link set va up
sleep 3
ip -n x -j addr
ip -n x -j -p addr show dev va
ip -n x -br addr
ip -n x -br -6 addr show dev va
ip -n x -o addr
ip -n x -6 -o addr
ip -n x -o addr show dev vb
