# Pins down: IPv6 route attributes in the listing: `proto static`/`proto 99`, `pref high`/`low`,
# `src` (an own address; a foreign one refused), `mtu`, `hoplimit`, `expires` (counts down, listed
# as `expires Nsec`), `onlink`, `table`; the `-j` form.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set lo up
ip -n x addr add 2001:db8::1/64 dev va nodad
ip -n x addr add 2001:db8:ff::1/64 dev va nodad
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip -n x -6 route add 2001:db8:1::/64 via 2001:db8::2 proto static
ip -n x -6 route add 2001:db8:2::/64 via 2001:db8::2 proto 99 pref high
ip -n x -6 route add 2001:db8:3::/64 via 2001:db8::2 pref low src 2001:db8:ff::1
ip -n x -6 route add 2001:db8:4::/64 via 2001:db8::2 src 2001:db8:9::1
ip -n x -6 route add 2001:db8:5::/64 via 2001:db8::2 mtu 1400 hoplimit 7
ip -n x -6 route add 2001:db8:6::/64 via 2001:db8::2 expires 100
ip -n x -6 route add 2001:db8:7::/64 via 2001:db8:99::1 dev va onlink
ip -n x -6 route add 2001:db8:8::/64 via 2001:db8::2 table 7
ip -n x -6 route
ip -n x -6 route show table 7
ip -n x -6 route get 2001:db8:3::1
ip -n x -6 route get 2001:db8:5::1
ip -n x -6 -j route show 2001:db8:2::/64
ip -n x -6 route show proto static
