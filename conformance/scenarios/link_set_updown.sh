# Pins down: ip link set up/down (also `dev` form, several keywords at once, the last of up/down
# wins), and `ip link set DEV` with nothing to change succeeding silently.
ip link add va type veth peer name vb
ip link set va up
ip link set dev vb up
sleep 1
ip -br link
ip link set va down up
ip link set vb up down
sleep 1
ip -br link
ip link set va
ip link set dev va down
sleep 1
ip -br link
