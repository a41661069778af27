# Pins down: chain errors, texts and exit codes: rules in or listing of a missing chain (before and
# after the table exists), creating an existing or built-in chain, deleting a referenced, non-empty
# or missing chain, renaming errors, over-long chain names, jumping to a missing chain.
iptables -A NOPE -j ACCEPT
iptables -L NOPE
iptables -N mine
iptables -L NOPE
iptables -S NOPE
iptables -N mine
iptables -N INPUT
iptables -A mine -j ACCEPT
iptables -N ref
iptables -A INPUT -j ref
iptables -X ref
iptables -X mine
iptables -X nosuch
iptables -E nosuch other
iptables -E mine ref
iptables -N abcdefghijklmnopqrstuvwxyz0123
iptables -N abcdefghijklmnopqrstuvwxyz01
iptables -A INPUT -j missing
iptables -S
