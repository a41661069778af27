# Pins down: ip link set DEV address: a unicast MAC is accepted, multicast and all-zero ones are
# refused by the kernel (EADDRNOTAVAIL), malformed ones by ip; `address` on ip link add.
ip link add va type veth peer name vb
ip link set va address 02:11:22:33:44:55
ip link show va
ip link set va address 01:11:22:33:44:55
ip link set va address 00:00:00:00:00:00
ip link set va address ff:ff:ff:ff:ff:ff
ip link set va address zz
ip link set va address 02:11:22:33:44
ip link set va address 02:11:22:33:44:55:66
ip link set va address
ip link add vc address 02:aa:bb:cc:dd:01 type veth peer name vd address 02:aa:bb:cc:dd:02
ip link show vc
ip link show vd
ip link set lo address 02:11:22:33:44:55
ip link show lo
