# Pins down: `link-netns NAME` and `link-netnsid N` on ip link add veth choose the peer's
# namespace; an unknown nsid is an error; an explicit peer netns wins over link-netns.
ip netns add x
ip netns add y
ip link add va link-netns x type veth peer name vb
ip -n x link
ip netns set y 7
ip link add vc link-netnsid 7 type veth peer name vd
ip -n y link
ip link add ve link-netnsid 9 type veth peer name vg
ip link add vh netns x link-netns y type veth peer name vi
ip link add vj type veth peer name vk netns x link-netns y
ip link
ip -n x -br link
