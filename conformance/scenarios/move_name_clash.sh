# Pins down: moving into a namespace that already has the name fails (EEXIST, extack text) and
# leaves the device in place; `netns NS name NEW` uses NEW only when the old name clashes; otherwise
# the device moves under its old name and is renamed afterwards, so a failed rename (File exists)
# still leaves it moved (adapted from tools/testing/selftests/net/netns-name.sh).
ip netns add x
ip -n x link add va type veth peer name p0
ip link add va type veth peer name vb
ip link set va netns x
ip -br link
ip link set va netns x name vz
ip link set vb netns x name va
ip -br link
ip -n x -br link
ip link add vc type veth peer name vd
ip link set vd netns x name vy
ip -n x -br link
ip -br link
