# Pins down: ipv4_proc_net_dev with IPv6 on (defaults): /proc/net/dev 4 s after the links came up
# counts what each veth end sent by itself (MLDv2 reports, the DAD solicitation, one router
# solicitation) and nothing on lo (no DAD or MLD there); then 2 ping -6 across the pair (and their
# NS/NA) and a ping of ::1 (lo counts request and reply, 104 bytes each).
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n y addr add 2001:db8::2/64 dev vb nodad
ip -n x link set lo up
ip -n x link set va up
ip -n y link set vb up
sleep 4
ip netns exec x cat /proc/net/dev
ip netns exec x ping -q -c 2 -i 0.2 -W 1 2001:db8::2
ip netns exec x ping -q -c 1 -W 1 ::1
ip netns exec x cat /proc/net/dev
ip netns exec y cat /proc/net/dev
