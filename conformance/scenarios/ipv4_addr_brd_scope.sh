# Pins down: brd + computes the broadcast from the prefix (none for a /31), brd ADDR is kept as
# given, brd - gives the prefix with the host bits cleared; scope host/link/nowhere/numeric as shown;
# the listing order: higher scope values first (nowhere, host, link, 100, global), then insertion.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 brd + dev va
ip addr add 10.1.0.1/16 broadcast 10.1.9.9 dev va
ip addr add 10.2.0.1/8 brd - dev va
ip addr add 10.3.0.1/31 brd + dev va
ip addr add 10.4.0.1/24 scope link dev va
ip addr add 10.5.0.1/24 scope host dev va
ip addr add 10.6.0.1/24 scope 100 dev va
ip addr add 10.7.0.1/24 scope nowhere dev va
ip -4 addr show dev va
ip addr add 10.8.0.1/24 scope bogus dev va
