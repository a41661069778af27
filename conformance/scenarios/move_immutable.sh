# Pins down: lo and bridges are netns-immutable: moving them fails with the extack text.
ip netns add x
ip link set lo netns x
ip -n x link set lo netns 1
ip link add br0 type bridge
ip link set br0 netns x
ip link set dev br0 netns x name br1
ip -br link
ip -n x -br link
