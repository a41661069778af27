# Pins down: ip netns pids prints nothing for a namespace without processes, and its errors.
ip netns add a
ip netns pids a
ip netns pids missing
ip netns pids
ip netns del a
ip netns pids a
