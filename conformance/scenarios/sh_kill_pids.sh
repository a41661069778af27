# Pins down: the article's `kill $(ip netns pids ns1)`: kill every process of a namespace by pid,
# after which pids prints nothing; kill with no pids left (bash's usage
# message, exit 2).
ip netns add ns1
ip netns exec ns1 sleep 100 &
ip netns exec ns1 sleep 100 &
sleep 0.3
ip netns pids ns1 | wc -l
kill $(ip netns pids ns1)
sleep 0.3
ip netns pids ns1 | wc -l
kill $(ip netns pids ns1)
ip netns del ns1
