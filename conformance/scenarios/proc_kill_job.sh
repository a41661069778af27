# Pins down: the same with kill %1: killing the last process inside a deleted namespace lets it
# die; the background job's termination is not reported by bash (SIGTERM).
ip netns add b
ip link add vc type veth peer name vd netns b
ip netns exec b sleep 100 &
sleep 0.5
ip netns del b
sleep 1
ip -br link
kill %1
wait
sleep 1
ip -br link
ip netns list-id
