# Pins down: the three default rules, in plain, -j and per namespace; ip rule show/list/lst.
ip rule
ip rule show
ip rule list
ip -j rule show
ip netns add x
ip -n x rule
ip -4 rule
