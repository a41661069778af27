# Pins down: ifindexes come from a per-namespace cursor: freed indexes are not reused, the cursor
# moves on across deletes, and a new namespace's cursor starts again at 2.
ip link add va type veth peer name vb
ip link del va
ip link add vc type veth peer name vd
ip link
ip link del vc
ip link add type veth
ip -o link
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x -o link
