# Pins down: ip netns attach NAME PID with the pid of a process inside another named namespace:
# both names then refer to one net; identify PID prints only the last matching name in list order.
ip netns add x
ip netns exec x sleep 100 &
sleep 0.5
ip netns attach y $!
ip netns list
ip netns identify $!
ip -n y link add va type veth peer name vb
ip -n x -br link
ip netns exec y ip netns identify
kill %1
wait
ip netns del x
ip -n y -br link
ip netns del y
ip netns list
