# Pins down: when a namespace dies, every survivor drops the nsid it held for it (explicit and
# automatic ones), so ip netns list loses the (id: N) and list-id the entry.
ip netns add x
ip netns add y
ip netns add z
ip netns set x 10
ip -n y netns set x 20
ip -n z link add va type veth peer name vb netns x
ip netns list
ip -n y netns list-id
ip -n z netns list-id
ip netns del x
sleep 1
ip netns list
ip netns list-id
ip -n y netns list-id
ip -n z netns list-id
ip -n z link
