# Pins down: filtering locally generated packets: DROP in OUTPUT makes sendto fail with EPERM, which
# this ping counts as sent and reports as plain loss (exit 1); REJECT in OUTPUT delivers the ICMP error
# locally ("From 10.0.0.1 ... Destination Port Unreachable") and then "ping: sendmsg: Operation not
# permitted"; other destinations are unaffected; a DROP policy counts the dropped packet.
ip netns add x
ip link add va type veth peer name vb netns x
ip addr add 10.0.0.1/24 dev va
ip -n x addr add 10.0.0.2/24 dev vb
ip link set va up
ip -n x link set vb up
sleep 1
ip link set lo up
iptables -A OUTPUT -d 10.0.0.2 -j DROP
ping -c 1 -W 1 10.0.0.2
ping -c 1 -W 1 127.0.0.1
iptables -R OUTPUT 1 -d 10.0.0.2 -j REJECT
ping -c 1 -W 1 10.0.0.2
iptables -P OUTPUT DROP
iptables -D OUTPUT 1
ping -c 1 -W 1 10.0.0.2
iptables -L OUTPUT -n -v -x
