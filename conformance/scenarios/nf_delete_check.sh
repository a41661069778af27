# Pins down: -D by specification deletes the first identical rule only, -C checks whether a rule
# exists (exit 0 or 1 with the "Bad rule" text), the match must be exact (prefix /32 implied).
iptables -A INPUT -s 10.0.0.1 -j DROP
iptables -A INPUT -s 10.0.0.2 -j DROP
iptables -A INPUT -s 10.0.0.1 -j DROP
iptables -C INPUT -s 10.0.0.1/32 -j DROP
iptables -C INPUT -s 10.0.0.1 -j ACCEPT
iptables -D INPUT -s 10.0.0.1 -j DROP
iptables -S INPUT
iptables -D INPUT -s 10.0.0.2/32 -j DROP
iptables -D INPUT -s 10.0.0.2 -j DROP
iptables -D INPUT -s 10.0.0.1 -p icmp -j DROP
iptables -C INPUT
iptables -S INPUT
