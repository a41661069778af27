# Pins down: ip netns exec runs the command in the namespace and returns its exit status;
# a command that cannot be executed and missing arguments.
ip netns add a
ip netns exec a true
ip netns exec a false
ip netns exec a ip link show nosuch
ip netns exec a ip link
ip netns exec a foo
ip netns exec a
ip netns exec
ip netns exec a ip netns exec a ip netns identify
ip netns exec a echo hello
ip netns del a
