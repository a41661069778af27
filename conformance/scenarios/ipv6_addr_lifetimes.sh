# Pins down: address lifetimes: valid_lft/preferred_lft given in seconds are listed as `Nsec`
# (counting down: 100sec/50sec right after the add), `preferred_lft 0` makes the address
# `deprecated`, `forever`, preferred > valid refused, `-j` (valid_life_time/preferred_life_time),
# change of the lifetimes with `ip addr change`; an expired address (valid_lft 1) disappears.
ip netns add x
ip -n x link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip netns exec x sysctl -w net.ipv6.conf.va.addr_gen_mode=1
ip -n x link set va up
ip -n x link set vb up
ip -n x addr add 2001:db8::1/64 dev va nodad valid_lft 100 preferred_lft 50
ip -n x addr add 2001:db8::2/64 dev va nodad preferred_lft 0
ip -n x addr add 2001:db8::3/64 dev va nodad valid_lft forever preferred_lft forever
ip -n x addr add 2001:db8::4/64 dev va nodad valid_lft 10 preferred_lft 20
ip -n x -6 addr show dev va
ip -n x -j addr show dev va
ip -n x addr change 2001:db8::2/64 dev va preferred_lft forever
ip -n x addr add 2001:db8::5/64 dev va nodad valid_lft 1 preferred_lft 1
ip -n x -6 route
sleep 3
ip -n x -6 addr show dev va
ip -n x -6 route
