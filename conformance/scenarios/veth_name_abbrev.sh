# Pins down: iproute2 matches a bare device name against keyword prefixes first: "a" is "address",
# "b" is "broadcast", "vf" is a keyword; `name`/`dev` make such names usable.
ip link add a type veth peer name b
ip link add name a type veth peer name b
ip link set a up
ip link set dev a up
ip link show a
ip link show dev a
ip link del b
ip link add name vf type veth peer name vg
ip link set vf up
ip link set dev vf up
ip link del dev b
ip -br link
ip link del dev vg
