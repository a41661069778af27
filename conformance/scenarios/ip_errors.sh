# Pins down: iproute2's own errors: unknown object, unknown command per object, unknown option,
# -n without a name, and their exit statuses.
ip foo
ip link foo
ip netns foo
ip -x
ip -x link
ip -n
ip -foo link
ip link add name va type veth peer
ip link add name va type veth peer name
ip link set dev lo netns
