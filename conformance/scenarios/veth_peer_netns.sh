# Pins down: `peer name B netns X`: both ends keep their own ifindex sequence, A@ifN on both sides,
# link-netns NAME where the viewer has a named nsid, link-netnsid N where the peer has no name.
ip netns add x
ip link add va type veth peer name vb netns x
ip link
ip -n x link
ip netns list
ip -n x netns list-id
ip -j link show va
ip -n x -j link show vb
ip -br link show va
ip -n x -br link
