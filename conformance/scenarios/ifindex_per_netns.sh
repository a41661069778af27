# Pins down: ifindex and names are per namespace: the same name and the same ifindex exist in two
# namespaces at once, also when created with `netns NS index N` (adapted from netns-name.sh);
# without `peer ... netns` the peer stays in the namespace the command runs in.
ip netns add x
ip netns add y
ip -n x link add va index 100 type veth peer name vb
ip -n x link add netns y name va index 100 type veth peer name vb
ip -n x link add netns y name va index 100 type veth peer name vc
ip -n x link
ip -n y link
ip link add va type veth peer name vb
ip link
