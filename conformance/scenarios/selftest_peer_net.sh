# Pins down: test_peer_net of tools/testing/selftests/net/link_netns.py with veth: where the peer
# lands for each combination of ip -n SRC, netns, link-netns and peer netns (iproute2 6.1).
ip netns add n1
ip netns add n2
ip netns add n3
ip netns add n4
ip -n n2 netns set n3 100
ip -n n1 link add foo type veth
ip -n n1 -br link show foo
ip -n n1 link del foo
ip -n n1 link add netns n2 foo type veth
ip -n n2 link show foo
ip -n n2 link del foo
ip -n n2 link add link-netns n3 foo type veth
ip -n n2 link show foo
ip -n n2 link del foo
ip -n n2 link add foo type veth peer netns n3
ip -n n2 link show foo
ip -n n2 link del foo
ip -n n1 link add netns n2 foo type veth peer netns n3
ip -n n2 link show foo
ip -n n2 link del foo
ip -n n1 link add netns n2 link-netns n4 foo type veth peer netns n3
ip -n n2 -j link show foo
