# Pins down: veth carrier: one end up gives NO-CARRIER and state LOWERLAYERDOWN (M-DOWN: peer down);
# both up gives LOWER_UP/UP; the first down end shows DOWN while the other is LOWERLAYERDOWN again.
ip link add va type veth peer name vb
ip link set va up
sleep 1
ip link
ip link set vb up
sleep 1
ip link
ip link set va down
sleep 1
ip link
ip link set vb down
sleep 1
ip link
