# Pins down: ip link add errors: duplicate name, peer with the same name, unknown kind,
# missing type, missing name for a kind that needs none (bridge gets bridge%d).
ip link add va type veth peer name vb
ip link add name va type veth peer name vc
ip link add name vc type veth peer name vb
ip link add name vz type veth peer name vz
ip link add name vz type nosuchkind
ip link add name vz
ip link add type bridge
ip link add type bridge
ip link add name lo type bridge
ip link add name vz type
ip link add
ip -br link
