# Pins down: iputils ping's IPv6 errors: a malformed address (a name lookup failing), -I of a
# missing device, -I with an address that is not the namespace's, -I lo, -s 65528 (a local
# "message too long" error with lo's mtu), -t 0 (accepted: the default hop limit is used) and 256
# (out of range), and ff02::1 without a zone (nothing answers).
ip netns add x
ip -n x link set lo up
ip netns exec x ping -6 -c 1 -W 1 2001:db8:::1
ip netns exec x ping -6 -c 1 -W 1 -I nosuch ::1
ip netns exec x ping -6 -c 1 -W 1 -I 2001:db8::1 ::1
ip netns exec x ping -6 -c 1 -W 1 -I lo ::1
ip netns exec x ping -6 -c 1 -W 1 -s 65528 ::1
ip netns exec x ping -6 -c 1 -W 1 -t 0 ::1
ip netns exec x ping -6 -c 1 -W 1 -t 256 ::1
ip netns exec x ping -6 -c 1 -W 1 ff02::1
