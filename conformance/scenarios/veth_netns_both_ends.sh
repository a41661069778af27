# Pins down: a veth created from the host with one end in x and the other in y (`netns` for the
# device, `peer ... netns` for the peer), and created from inside x towards y.
ip netns add x
ip netns add y
ip link add va netns x type veth peer name vb netns y
ip link
ip -n x link
ip -n y link
ip -n x link add vc type veth peer name vd netns y
ip -n x -br link
ip -n y -br link
ip netns list
ip -n x netns list
ip -n y netns list
