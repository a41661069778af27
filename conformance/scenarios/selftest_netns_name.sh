# Pins down: tools/testing/selftests/net/netns-name.sh adapted to veth (no dummy here): a move
# without rename, a blocked move on a name conflict, a move with rename, and the same name and
# ifindex in two namespaces created with `netns NS index N`.
ip netns add ns
ip netns add test_ns
ip -n ns link add name dev0 type veth peer name dev0p
ip -n ns link set dev dev0 netns test_ns
ip -n test_ns link show dev dev0
ip -n ns link add name dev0 type veth peer name dev1p
ip -n ns link set dev dev0 netns test_ns
ip -n test_ns -br link
ip -n ns link set dev dev0 netns test_ns name dev1
ip -n test_ns -br link
ip -n test_ns link del dev0
ip -n test_ns link del dev1
ip -n ns link add name dev2 index 100 type veth peer name dev2p
ip -n ns link add netns test_ns name dev2 index 100 type veth peer name dev3p
ip -n test_ns link show dev dev2
ip -n ns -br link
