# Pins down: ip netns identify with no argument (an empty line in an unnamed namespace, the name
# inside ip netns exec) and its errors for a non-numeric or missing pid.
ip netns identify
ip netns add a
ip netns add b
ip netns identify
ip netns exec a ip netns identify
ip netns exec b ip netns identify
ip -n a netns identify
ip netns identify abc
ip netns identify 999999
ip netns identify 1
ip netns del a
ip netns del b
