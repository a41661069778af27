# Pins down: timeout: a command that finishes first keeps its status, one that runs too long ends
# with 124, `timeout 2 ip monitor link` prints nothing when nothing happens (124), events seen by
# ip monitor while it runs, -s INT (still 124), a missing command (127).
timeout 5 true
timeout 5 false
timeout 5 bash -c 'exit 3'
timeout 0.5 sleep 5
timeout 2 ip monitor link
(sleep 0.5; ip link add va type veth peer name vb; ip link set va up) &
timeout 2 ip monitor link
wait
timeout -s INT 0.3 sleep 5
timeout 1 nosuchcommand
ip netns add ns1
timeout 1 ip netns exec ns1 sleep 5
