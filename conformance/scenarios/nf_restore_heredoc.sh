# Pins down: iptables-restore reading a here-document: a full filter section replaces the table
# (policies, counters given as [0:0]), --noflush appends, a quoted delimiter, a failing section leaves
# the table as it was (the error names the line of the here-document), --test applies nothing, a second
# table in one input, and a restore inside ip netns exec that touches only that namespace.
iptables -A INPUT -s 192.0.2.1 -j DROP
iptables-restore <<EOF
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp --dport 22 -j ACCEPT
COMMIT
EOF
iptables-save
iptables-restore --noflush <<'EOF'
*filter
:web - [0:0]
-A INPUT -s 10.0.0.0/8 -j web
-A web -j ACCEPT
COMMIT
EOF
iptables -S
iptables-restore <<EOF
*filter
-A INPUT -j NOSUCHCHAIN
COMMIT
EOF
iptables -S INPUT
iptables-restore -t <<EOF
*filter
-F
COMMIT
EOF
iptables -S INPUT
iptables-restore <<EOF
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -o va -j MASQUERADE
COMMIT
*mangle
-A PREROUTING -p icmp
COMMIT
EOF
iptables-save
ip netns add blue
ip netns exec blue iptables-restore <<EOF
*filter
:INPUT DROP [0:0]
COMMIT
EOF
ip netns exec blue iptables -S
iptables -S INPUT
iptables-restore <<EOF
*filter
COMMIT
EOF
iptables -S
