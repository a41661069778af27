# Pins down: nsids allocated by device moves: the old namespace gets an id for the target, and
# namespaces describing the moved veth get ids for its peer's namespace.
ip netns add x
ip netns add y
ip netns add z
ip link add vc type veth peer name vd netns y
ip netns list-id
ip -n y netns list-id
ip -n y link set vd netns x
ip -n y netns list-id
ip -n x netns list-id
ip netns list-id
ip -n z link add v1 type veth peer name v2
ip -n z link set v2 netns y
ip -n z netns list-id
ip -n y netns list-id
