# Pins down: deleting either end of a veth deletes both ends, `del` and `delete` and `dev` forms.
ip link add va type veth peer name vb
ip link add vc type veth peer name vd
ip link add ve type veth peer name vg
ip link del va
ip -br link
ip link delete dev vd
ip -br link
ip link del dev vg
ip link
ip link del va
