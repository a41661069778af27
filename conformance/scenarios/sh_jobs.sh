# Pins down: background jobs: & gives status 0, jobs lists them, wait $! returns the job's status,
# wait for all, kill %1 and kill $!, and $! naming the right process for ip netns identify.
ip netns add ns1
(exit 3) &
wait $!
echo "waited: $?"
ip netns exec ns1 sleep 100 &
jobs
sleep 0.5
ip netns identify $!
kill %1
wait
echo "after wait: $?"
jobs
sleep 100 &
kill $!
wait $!
echo "killed: $?"
sleep 0.1 &
sleep 0.2 &
wait
echo "all done"
