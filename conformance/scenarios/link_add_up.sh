# Pins down: `up` on ip link add is applied during RTM_NEWLINK (rtnl_configure_link) to the device it
# belongs to. After `peer name P` it is one of the peer's arguments: veth_newlink configures the peer
# before the pair is tied, veth_open finds no peer and the add fails with ENOTCONN, leaving nothing
# (the ifindexes it took are not reused). Before `type` it brings up the named device only.
ip link add va type veth peer name vb up
ip link
ip link add vc up type veth peer name vd
sleep 1
ip -d link show vc
ip link show vd
ip link add ve up type veth peer name vf up
ip link add br0 up type bridge
sleep 2
ip link show br0
ip link add vg up address 02:00:00:00:0a:01 mtu 1400 type veth peer name vh address 02:00:00:00:0a:02
ip link set vh up
sleep 1
ip link
