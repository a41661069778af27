# Pins down: ping -6 ::1 in a fresh namespace: lo down (no ::1: "connect: Cannot assign requested
# address", exit 2), lo up (answers,
# ttl=64 is the hop limit), ping6 and ping ::1 choose IPv6 by themselves, -q summary, lo down
# again; ping -6 of an IPv4 address and ping -4 of ::1.
ip netns add x
ip netns exec x ping -6 -c 1 -W 1 ::1
ip -n x link set lo up
ip netns exec x ping -6 -c 1 -W 1 ::1
ip netns exec x ping6 -c 1 -W 1 ::1
ip netns exec x ping -c 2 -i 0.2 -q -W 1 ::1
ip netns exec x ping -6 -c 1 -W 1 -s 1000 ::1
ip netns exec x ping -6 -c 1 -W 1 127.0.0.1
ip netns exec x ping -4 -c 1 -W 1 ::1
ip -n x link set lo down
ip netns exec x ping -6 -c 1 -W 1 ::1
