# Pins down: ip netns pids and identify with processes started in several ways (ip netns exec,
# nsenter, a child shell), counted not printed; pids of one namespace, identify of each pid.
ip netns add ns1
ip netns add ns2
ip netns exec ns1 sleep 100 &
nsenter --net=/run/netns/ns1 sleep 100 &
ip netns exec ns2 bash -c 'sleep 100' &
sleep 0.3
ip netns pids ns1 | wc -l
ip netns pids ns2 | wc -l
for p in $(ip netns pids ns1); do ip netns identify $p; done
ip netns identify $(ip netns pids ns2)
kill %1 %2 %3
wait
ip netns pids ns1 | wc -l
