# Pins down: routes of type prohibit, blackhole and unreachable as ping reports them.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip route add prohibit 192.168.1.0/24
ip route add blackhole 192.168.2.0/24
ip route add unreachable 192.168.3.0/24
ip route show
ping -c 1 -W 1 192.168.1.1
ping -c 1 -W 1 192.168.2.1
ping -c 1 -W 1 192.168.3.1
