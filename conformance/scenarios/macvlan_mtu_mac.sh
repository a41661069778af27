# Pins down: a macvlan's MTU is capped by its lower's; its MAC can be set (unique on the lower);
# up and down follow the lower: carrier of a macvlan whose lower has none.
ip link add va type veth peer name vb
ip link add link va name mv0 type macvlan mode bridge
ip link add link va name mv1 type macvlan mode bridge
ip link set mv0 mtu 1600
ip link set mv0 mtu 1400
ip link set mv0 mtu 67
ip link show mv0
ip link set va mtu 1300
ip link show mv0
ip link show mv1
ip link set mv0 address 02:11:22:33:44:55
ip link set mv1 address 02:11:22:33:44:55
ip link show mv0
ip link set mv0 up
sleep 1
ip link show mv0
ip link set va up
sleep 1
ip link show mv0
ip link set vb up
sleep 1
ip link show mv0
ip link show mv1
ip link set va down
sleep 1
ip link show mv0
