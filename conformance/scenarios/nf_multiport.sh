# Pins down: -m multiport: --dports/--sports/--ports lists and ranges as -S, -L -n and
# iptables-save print them; it needs -p tcp/udp/...; at most 15 ports; bad ports.
iptables -A INPUT -p tcp -m multiport --dports 22,80,443 -j ACCEPT
iptables -A INPUT -p udp -m multiport --sports 53,123:125 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --ports 8000:8080,9000 -j DROP
iptables -A INPUT -p tcp -m multiport ! --dports 1,2 -j DROP
iptables -S INPUT
iptables -L INPUT -n
iptables -A INPUT -m multiport --dports 22,80 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 22,99999 -j ACCEPT
iptables -A INPUT -p tcp -m multiport -j ACCEPT
iptables -S INPUT 5
