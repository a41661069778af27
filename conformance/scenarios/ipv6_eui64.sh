# Pins down: how the link-local interface id comes from the MAC (EUI-64, the U/L bit flipped),
# shown by /proc/net/if_inet6 (full hex, ifindex, prefix length, scope 20, flags 80 permanent)
# with one address per namespace at a time: MACs 52:54:00:12:34:56, 02:00:00:00:00:0a and
# 00:11:22:33:44:55; lo is down so only the veth end's address is listed.
ip netns add x
ip netns add y
ip netns add z
ip link add va netns x address 52:54:00:12:34:56 type veth peer name vb netns y address 02:00:00:00:00:0a
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x cat /proc/net/if_inet6
ip netns exec y cat /proc/net/if_inet6
ip -n x link set va down
ip -n x link set va address 00:11:22:33:44:55
ip -n x link set va up
sleep 3
ip netns exec x cat /proc/net/if_inet6
ip netns exec z cat /proc/net/if_inet6
