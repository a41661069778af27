# Pins down: attaching a name to the current ("host") namespace through a process living there:
# identify with no argument then prints that name, and ip -n NAME sees the host's devices.
sleep 100 &
ip netns attach h $!
ip netns list
ip netns identify $!
ip netns identify
ip netns exec h ip netns identify
ip -n h link
kill $!
wait
ip netns del h
ip netns identify
