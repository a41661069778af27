# Pins down: policy errors: user chains have no policy, only ACCEPT/DROP are policies, unknown
# chains and missing arguments, a policy in another table.
iptables -N mine
iptables -P mine DROP
iptables -P INPUT REJECT
iptables -P INPUT RETURN
iptables -P INPUT bogus
iptables -P INPUT
iptables -P NOPE DROP
iptables -t nat -P PREROUTING DROP
iptables -t nat -P POSTROUTING ACCEPT
iptables -S
iptables -t nat -S
