# Pins down: kill $! of a process that keeps a namespace alive through an attached name:
# deleting one of two names keeps the net, deleting both while the process lives too.
ip netns add c
ip netns exec c sleep 100 &
sleep 0.5
ip netns attach d $!
ip link add va type veth peer name vb netns c
ip netns del c
sleep 1
ip -br link
ip netns del d
sleep 1
ip -br link
kill $!
wait
sleep 1
ip -br link
ip netns list
