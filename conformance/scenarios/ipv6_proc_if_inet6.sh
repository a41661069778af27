# Pins down: /proc/net/if_inet6 columns (address in 32 hex digits, ifindex, prefix length, scope
# and flags in hex, device name padded): ::1 on lo (scope 10, flags 80), a tentative global on a
# down device (c0), settled (80), nodad (82), deprecated (a2), a /120 with noprefixroute (82: only
# the low 8 flag bits), a site-local fec0:: (scope 40), each alone in its namespace; an empty
# namespace prints nothing.
ip netns add x
ip netns add y
ip netns exec x cat /proc/net/if_inet6
ip -n x link set lo up
ip netns exec x cat /proc/net/if_inet6
ip -n x link set lo down
ip -n y link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip netns exec y sysctl -w net.ipv6.conf.va.addr_gen_mode=1 net.ipv6.conf.vb.addr_gen_mode=1
ip -n y addr add 2001:db8::1/64 dev va
ip netns exec y cat /proc/net/if_inet6
ip -n y link set va up
ip -n y link set vb up
sleep 3
ip netns exec y cat /proc/net/if_inet6
ip -n y addr del 2001:db8::1/64 dev va
ip -n y addr add 2001:db8::2/64 dev va nodad
ip netns exec y cat /proc/net/if_inet6
ip -n y addr del 2001:db8::2/64 dev va
ip -n y addr add 2001:db8::3/64 dev va nodad preferred_lft 0
ip netns exec y cat /proc/net/if_inet6
ip -n y addr del 2001:db8::3/64 dev va
ip -n y addr add 2001:db8:0:1::4/120 dev vb nodad noprefixroute
ip netns exec y cat /proc/net/if_inet6
ip -n y addr del 2001:db8:0:1::4/120 dev vb
ip -n y addr add fec0::5/64 dev vb nodad
ip netns exec y cat /proc/net/if_inet6
