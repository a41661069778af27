# Pins down: `ip link set DEV netns PID` moves into the namespace of a process ($! of a process
# started by ip netns exec); pid 1 (init) takes it back to the host namespace.
ip netns add x
ip link add va type veth peer name vb
ip netns exec x sleep 100 &
sleep 0.5
ip link set vb netns $!
ip -br link
ip -n x -br link
ip -n x link set vb netns 1
ip -br link
ip -n x -br link
kill %1
wait
