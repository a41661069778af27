# Pins down: which namespace gets an nsid when a veth spans two of them: the creating one at once,
# the peer's one only when it first describes the link (a dump), and ids count from 0 per viewer.
ip netns add x
ip netns add y
ip link add va type veth peer name vb netns x
ip link add vc type veth peer name vd netns y
ip netns list
ip netns list-id
ip -n x netns list-id
ip -n x link show vb
ip -n x netns list-id
ip -n y netns list-id
ip -n y -br link
ip -n y netns list-id
