# Pins down: user chains: -N creates (listed with its references), a jump adds a reference, -E renames
# and the jump follows the new name, -X refuses a referenced or non-empty chain, -X CHAIN and -X
# with no argument delete empty unreferenced chains.
iptables -N web
iptables -N db
iptables -N spare
iptables -A INPUT -p icmp -j web
iptables -A web -s 10.0.0.0/8 -j ACCEPT
iptables -L -n
iptables -E web www
iptables -S
iptables -X www
iptables -D INPUT -p icmp -j www
iptables -X www
iptables -F www
iptables -X www
iptables -X
iptables -S
