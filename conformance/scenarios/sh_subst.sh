# Pins down: command substitution: $(...), backquotes, nesting, trailing newlines dropped, in double
# quotes (one word) and unquoted (split), $(ip netns identify) and $(ip netns pids NS) tested rather
# than printed, and an empty substitution.
ip netns add ns1
echo "names: $(ip netns list)"
echo "count: `ip netns list | wc -l`"
echo "lo state: $(ip -br link show lo | awk '{print $2}')"
echo "nested: $(echo $(echo inner))"
echo "[$(ip netns identify)]"
ip netns exec ns1 bash -c 'echo "inside: $(ip netns identify)"'
ip netns exec ns1 sleep 100 &
sleep 0.3
[ -n "$(ip netns pids ns1)" ] && echo "ns1 has a process"
[ "$(ip netns pids ns1)" = "$!" ] && echo "and it is the background job"
[ "$(ip netns identify $(ip netns pids ns1))" = ns1 ] && echo "identify of that pid: ns1"
kill %1
wait
echo "[$(ip netns pids ns1)]"
words=$(printf 'a\nb\n\n\n')
echo "[$words]"
