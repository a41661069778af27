# Pins down: nsids seen from several viewpoints after veths between three namespaces:
# per-viewer, asymmetric, lowest free id first; ip netns list (id: N) and list-id in each.
ip netns add x
ip netns add y
ip netns add z
ip -n x link add v1 type veth peer name v2 netns y
ip -n x link add v3 type veth peer name v4 netns z
ip -n z link add v5 type veth peer name v6 netns y
ip -n x link
ip -n y link
ip -n z link
ip netns list
ip -n x netns list
ip -n y netns list
ip -n z netns list
ip -n x netns list-id
ip -n y netns list-id
ip -n z netns list-id
