# Pins down: ping to a link-local address: with %dev it answers (the reply comes from
# fe80::...%dev), with -I dev too (and a warning), from the other side too; without a zone it
# still works here (one candidate device); a zone naming a missing device; the own link-local
# (lost: lo is down in x); ff02::1%va answered by the peer.
ip netns add x
ip netns add y
ip link add va netns x address 02:00:00:00:00:0a type veth peer name vb netns y address 02:00:00:00:00:0b
ip -n x link set va up
ip -n y link set vb up
sleep 3
ip netns exec x ping -c 1 -W 1 fe80::ff:fe00:b%va
ip netns exec x ping -6 -c 1 -W 1 -I va fe80::ff:fe00:b
ip netns exec y ping -c 1 -W 1 fe80::ff:fe00:a%vb
ip netns exec x ping -c 1 -W 1 fe80::ff:fe00:b
ip netns exec x ping -c 1 -W 1 fe80::ff:fe00:b%nosuch
ip netns exec x ping -c 1 -W 1 fe80::ff:fe00:a%va
ip netns exec x ping -c 1 -W 1 ff02::1%va
