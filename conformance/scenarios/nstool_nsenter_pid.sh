# Pins down: nsenter -t PID -n enters the network namespace of a process (a background job in ns1,
# and pid 1, the host namespace); --target/--net spelled out; -t with a missing pid.
ip netns add ns1
ip -n ns1 link set lo up
ip netns exec ns1 sleep 100 &
sleep 0.3
nsenter -t $! -n ip -br link
nsenter -t $! -n ip netns identify
nsenter -t 1 -n ip -br link
nsenter --target $! --net ip netns identify
nsenter -t 99999 -n ip link
kill %1
wait
