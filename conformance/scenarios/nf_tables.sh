# Pins down: the tables: filter, nat, mangle, raw and their built-in chains in -S and -L -n of a
# fresh namespace (listing creates nothing: iptables-save prints only tables in use); an unknown
# table; a chain that does not belong to the table.
iptables-save
iptables -t filter -S
iptables -t nat -S
iptables -t mangle -S
iptables -t raw -L -n
iptables -t security -S
iptables-save
iptables -t mangle -A PREROUTING -p icmp
iptables-save
iptables -t nat -A FORWARD -j ACCEPT
iptables -t raw -A INPUT -j ACCEPT
iptables -t bogus -S
