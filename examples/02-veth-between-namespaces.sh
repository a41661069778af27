# Lab 2: a veth pair between two namespaces.
# Run it with: ./nssim run examples/02-veth-between-namespaces.sh
#
# A veth pair is two devices joined back to back: what one end sends, the other receives.
# Its two ends may live in different namespaces; that is how a namespace gets a cable out.
ip netns add blue
# Create the pair in init_net with its peer end straight in blue. The peer is registered first.
ip link add va type veth peer name vb netns blue
# Each side sees its own end. Across namespaces, iproute2 names the peer by ifindex (va@if2)
# and the other namespace by an nsid: describing va made init_net allocate an id for blue.
ip link show va
ip -n blue link show vb
ip netns list
ip netns list-id
# nssim shows the pair as the kernel holds it: each end's peer, and the device references.
nssim show dev va
nssim -n blue show dev vb
# Carrier needs BOTH ends up: with only va up, va has NO-CARRIER. Its state reads DOWN, not LOWERLAYERDOWN:
# linkwatch looks the peer's ifindex up in va's own namespace, and vb lives in blue (Linux does the same).
ip link set va up
ip -br link show va
ip -n blue link set vb up
ip -br link show va
ip -n blue -br link show vb
# The same ifindex and even the same name can exist once per namespace.
ip -n blue link add va type veth peer name vc
ip -n blue -br link
# Deleting either end deletes both, wherever the other end lives.
ip -n blue link del vb
ip -br link
ip -n blue -br link
# The namespace as the kernel holds it: what is in it and what keeps it alive.
nssim show net blue
ip netns del blue
