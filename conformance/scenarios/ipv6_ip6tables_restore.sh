# Pins down: ip6tables-restore from a here-document in a namespace: the ruleset replaces the
# filter table, ip6tables -S and ip6tables-save show it (ICMPv6 match by name saved as a number),
# iptables is untouched; a section with a bad rule fails and changes nothing.
ip netns add x
ip netns exec x ip6tables-restore <<'EOF6'
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -p ipv6-icmp --icmpv6-type echo-request -j DROP
-A INPUT -s 2001:db8::/32 -j ACCEPT
COMMIT
EOF6
ip netns exec x ip6tables -S
ip netns exec x iptables -S
ip netns exec x ip6tables-save
ip netns exec x ip6tables-restore <<'EOF6'
*filter
-A INPUT -p nosuch -j DROP
COMMIT
EOF6
ip netns exec x ip6tables -S
