# Pins down: argument errors, texts and exit codes: unknown options, missing values, bad addresses
# and protocols, port options without -p, unknown matches, tables and targets, no command,
# two commands, deleting a rule that does not exist.
iptables
iptables --bogus
iptables -A INPUT -s
iptables -A
iptables -A INPUT -s 10.0.0.300 -j DROP
iptables -A INPUT -p nosuchproto -j DROP
iptables -A INPUT --dport 22 -j DROP
iptables -A INPUT -m nosuch -j DROP
iptables -A INPUT -j ACCEPT -j DROP
iptables -t nosuch -L
iptables -A INPUT -L
iptables -D INPUT -p icmp -j DROP
iptables -A INPUT -p tcp --dport 99999 -j DROP
iptables -S
