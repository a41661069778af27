# Pins down: errors for missing devices in show/set/del, deleting lo, garbage and incomplete
# arguments of ip link set/show.
ip link show dev nosuch
ip link show nosuch
ip link set nosuch up
ip link set dev nosuch up
ip link del nosuch
ip link del dev lo
ip link set
ip link set dev
ip link set lo foo
ip link set lo mtu
ip link show lo foo
ip link show dev
ip link del
ip link set lo up down mtu 65536 foo
