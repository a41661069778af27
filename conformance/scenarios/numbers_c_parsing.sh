# Numbers as the C tools read them (strtoul/strtol/strtod in the C locale): ASCII digits only, with the
# bases iproute2 uses (base 0: 010 is octal, 0x hex), GNU sleep's strtod (hex floats, exponents, suffixes).
ip addr add ١٠.٠.٠.٩/٢٤ dev lo
ip addr add 010.0.0.9/0x18 dev lo
ip -4 addr show dev lo
ip link set lo mtu ١٥٠٠
ip link set lo mtu 0x5dc
ip link show lo
ip link set lo mtu 65536
ip netns identify ٦
sleep 0x1p-4
sleep 1e-1s
sleep ١
sleep 1e9x
sleep nan
iptables -I INPUT ２ -j ACCEPT
iptables -A INPUT -p tcp --dport ２٢ -j ACCEPT
iptables -A INPUT -p tcp --dport 0x16 -j ACCEPT
iptables-save
