# Pins down: a fresh namespace's lo: down it has no inet6 address and no IPv6 route; up it gets
# ::1/128 scope host at once (no DAD on loopback) with the `local ::1` route in table local;
# down again ::1 and its route are gone; up again ::1 is back.
ip netns add x
ip -n x addr
ip -n x -6 route show table all
ip -n x link set lo up
ip -n x addr
ip -n x -6 addr show dev lo
ip -n x -6 route show table local
ip -n x -6 route
ip -n x link set lo down
ip -n x addr
ip -n x -6 route show table all
ip -n x link set lo up
ip -n x -6 addr
