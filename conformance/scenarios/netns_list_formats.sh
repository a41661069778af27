# Pins down: netns list in plain, -j, -j -p and -br form, with and without nsids, and list-id in -j.
ip -j netns list
ip netns add a
ip netns add b
ip -j netns list
ip netns set b 3
ip netns list
ip -j netns list
ip -j -p netns list
ip -br netns list
ip -j netns list-id
ip -j -p netns list-id
ip -j -p netns list-id nsid 3
