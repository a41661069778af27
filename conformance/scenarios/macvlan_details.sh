# Pins down: ip -d link of a macvlan in each mode (macvlan mode M ... bcqueuelen), -d -j, the flags
# word of a private/nopromisc passthru, and what the lower shows (no change).
ip link add va type veth peer name vb
ip link add link va name mv0 type macvlan mode bridge
ip link add link va name mv1 type macvlan mode private
ip link add link va name mv2 type macvlan mode vepa
ip link add link va name mv3 type macvlan mode source
ip -d link show mv0
ip -d link show mv1
ip -d link show mv2
ip -d link show mv3
ip -d -j -p link show mv0
ip -d link show va
ip link add link vb name mv4 type macvlan mode passthru
ip -d link show mv4
ip -d link show vb
