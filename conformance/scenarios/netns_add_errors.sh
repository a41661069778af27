# Pins down: ip netns add errors: duplicate name (exit 1), invalid names "", ".", "..", "a/b"
# (exit 255), missing name; and that names with dots or dashes are fine.
ip netns add a
ip netns add a
ip netns add ""
ip netns add .
ip netns add ..
ip netns add a/b
ip netns add /a
ip netns add
ip netns add a.b
ip netns add -x
ip netns add ...
ip netns list
