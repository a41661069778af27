# Pins down: rule numbers: --line-numbers, -I CHAIN N inserts before rule N (N = count+1 appends),
# -R CHAIN N replaces, -D CHAIN N deletes, -S CHAIN N prints one rule; numbers out of range.
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j ACCEPT
iptables -A INPUT -s 10.0.0.3 -j ACCEPT
iptables -I INPUT -s 10.0.0.9 -j DROP
iptables -I INPUT 3 -s 10.0.0.8 -j DROP
iptables -I INPUT 6 -s 10.0.0.7 -j DROP
iptables -L INPUT -n --line-numbers
iptables -R INPUT 2 -s 10.0.0.6 -j REJECT
iptables -D INPUT 1
iptables -S INPUT 3
iptables -L INPUT -n --line-numbers
iptables -I INPUT 8 -j DROP
iptables -R INPUT 9 -j DROP
iptables -D INPUT 9
iptables -D INPUT 0
iptables -S INPUT 9
iptables -L INPUT 2 -n --line-numbers
