# Pins down: ip netns add/list/del and the listing order (tmpfs /run/netns: newest first,
# a re-added name moves to the top), the `ls` alias and prefix abbreviations of netns/list/delete.
ip netns list
ip netns add a
ip netns add b
ip netns add c
ip netns list
ip netns ls
ip netns del b
ip netns list
ip netns add b
ip netns list
ip netns delete a
ip netn l
ip netns d c
ip netns show
ip netns del b
ip netns list
