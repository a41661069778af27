# Pins down: nsid errors: an id already used, a peer that already has an id (also with auto),
# ids out of range or not numbers, missing arguments, a missing namespace.
ip netns add x
ip netns add y
ip netns set x 1
ip netns set y 1
ip netns set x 2
ip netns set x auto
ip netns set y -1
ip netns set y foo
ip netns set y 2147483648
ip netns set y 0x10
ip netns set y
ip netns set
ip netns set missing 3
ip netns list
