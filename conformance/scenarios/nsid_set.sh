# Pins down: ip netns set NAME ID and NAME auto (lowest free id), the (id: N) suffix of
# netns list, list-id order by nsid, and the list-id filter `nsid N`.
ip netns add x
ip netns add y
ip netns add z
ip netns set x 5
ip netns list
ip netns set y auto
ip netns set z auto
ip netns list
ip netns list-id
ip netns list-id nsid 5
ip netns list-id nsid 4
ip netns set x 2147483647
ip netns add w
ip netns set w 2147483647
ip netns list-id
