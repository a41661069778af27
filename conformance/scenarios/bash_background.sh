# Pins down: background lines: a trailing & gives status 0 even when the command fails;
# wait returns 0; the background command has done its work once the scenario has slept.
false &
wait
ip netns add a &
sleep 0.5
ip netns list
ip netns exec a false &
wait
sleep 100 &
kill %1
wait
echo done
