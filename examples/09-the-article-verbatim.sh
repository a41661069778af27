# nssim: --nic eth0
# Lab 09: the article's walk through network namespaces, typed as on Linux. The header line above boots
# the machine with a physical NIC, eth0, in the host namespace, as the article's machine has.
#
# A new namespace, seen from user space: a name under /var/run/netns (the same directory as /run/netns).
ip netns add ns1
ip netns list
ls /var/run/netns
# Inside it there is only lo, and it is down: even 127.0.0.1 is unreachable until lo comes up.
ip netns exec ns1 ip link list
ip netns exec ns1 ping -c 1 -W 1 127.0.0.1
ip netns exec ns1 ip link set dev lo up
ip netns exec ns1 ping -c 1 -W 1 127.0.0.1
# A veth pair: one end moves into ns1, the other stays here; addresses on both ends, then a ping across.
ip link add veth0 type veth peer name veth1
ip link set veth1 netns ns1
ip netns exec ns1 ip addr add 10.1.1.1/24 dev veth1
ip netns exec ns1 ip link set dev veth1 up
ip addr add 10.1.1.2/24 dev veth0
ip link set dev veth0 up
sleep 1
ping -c 1 -W 1 10.1.1.1
# "Entering" the namespace: a shell started by ip netns exec runs every command inside ns1. A script
# cannot type into it, so a here-document feeds it (in ./nssim shell, type ip netns exec ns1 bash).
ip netns exec ns1 bash <<'EOF'
ip -br addr
ip route
echo "this shell is pid $$ in $(ip netns identify $$)"
EOF
# The article greps ethtool's features for netns-local. Since 6.x the flag is private, so the line is
# gone on every device, lo included; nssim show dev says which devices are netns-local, and why.
ethtool -k lo | grep -i netns-local
ethtool -k veth0 | grep -i netns-local
nssim show dev lo | grep netns-local
# A physical NIC moves like any device that is not netns-local...
ip link set eth0 netns ns1
ip netns exec ns1 ip -br link show eth0
# ...and when its namespace dies it is not destroyed: default_device_exit_batch hands it back to the host.
ip netns del ns1
sleep 1
ip -br link show eth0
ip netns list
