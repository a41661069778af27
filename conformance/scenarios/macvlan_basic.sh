# Pins down: ip link add link LOWER type macvlan: the modes, its own random MAC, name@lower and
# M-DOWN, the default mode (vepa), errors (missing or unsuitable lower, unknown mode, no link),
# a macvlan of a macvlan sits on the real lower, deleting the lower deletes its macvlans.
ip link add va type veth peer name vb
ip link add link va name mv0 type macvlan mode bridge
ip link add link va name mv1 type macvlan
ip link add link va name mv2 type macvlan mode private
ip link add link va name mv3 type macvlan mode vepa
ip link add link va name mv4 type macvlan mode source
ip link show
ip link add link mv0 name mv5 type macvlan mode bridge
ip link show mv5
ip link add link nosuch name mv9 type macvlan
ip link add name mv9 type macvlan
ip link add link va name mv9 type macvlan mode nosuch
ip link add link lo name mv9 type macvlan
ip link add link va name mv9 type macvlan mode passthru
ip link add link va type macvlan
ip link show macvlan0
ip link del va
ip link show
