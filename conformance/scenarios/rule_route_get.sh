# Pins down: ip route get through the rules: a from rule to another table, a to rule, fwmark,
# a prohibit rule, the main table when no rule matches; ping through a rule's table.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip link set vb up
sleep 1
ip route add 192.168.1.0/24 via 10.0.0.2 table 100
ip route add default via 10.0.0.254 table 200
ip route show table 100
ip rule add from 10.0.0.1 table 100
ip rule add to 172.16.0.0/12 table 200
ip rule add fwmark 7 table 200
ip rule add to 198.51.100.0/24 prohibit
ip route get 192.168.1.1 from 10.0.0.1
ip route get 192.168.1.1
ip route get 172.16.5.5
ip route get 8.8.8.8 mark 7
ip route get 8.8.8.8
ip route get 198.51.100.1
ip route get 10.0.0.2
ip rule del to 172.16.0.0/12 table 200
ip route get 172.16.5.5
