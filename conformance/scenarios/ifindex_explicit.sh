# Pins down: `index N` on ip link add: any free index is accepted (also below the cursor), the
# cursor does not jump, a taken index is EEXIST, 0 and negatives are rejected by ip; the peer's
# index is honoured only when the device itself got an explicit index.
ip link add va index 10 type veth peer name vb
ip link add vc type veth peer name vd
ip -o link
ip link add ve index 10 type veth peer name vg
ip link add vh index 3 type veth peer name vi
ip link add vj type veth peer name vk index 20
ip link add vl index 30 type veth peer name vm index 40
ip link add vn index 0 type veth peer name vo
ip link add vp index -1 type veth peer name vq
ip link add vr index 2147483647 type veth peer name vs
ip -br -o link
ip -o link
