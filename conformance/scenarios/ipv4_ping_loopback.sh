# Pins down: loopback in a fresh namespace: with lo down 127.0.0.1 is unreachable (exit 2) and lo
# has no address; bringing lo up adds 127.0.0.1/8 and ping works, for any 127/8 address too.
ip netns add x
ip -n x -4 addr show dev lo
ip netns exec x ping -c 1 -W 1 127.0.0.1
ip -n x link set lo up
ip -n x -4 addr show dev lo
ip netns exec x ping -c 1 -W 1 127.0.0.1
ip netns exec x ping -c 1 -W 1 127.1.2.3
ip -n x link set lo down
ip -n x -4 addr show dev lo
ip netns exec x ping -c 1 -W 1 127.0.0.1
