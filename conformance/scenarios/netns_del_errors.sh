# Pins down: deleting a missing namespace, deleting twice, invalid names and a missing argument.
ip netns del nosuch
ip netns add a
ip netns del a
ip netns del a
ip netns del ""
ip netns del ..
ip netns del a/b
ip netns del
ip netns list
