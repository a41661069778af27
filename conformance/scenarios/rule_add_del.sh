# Pins down: ip rule add/del with priority, from, to, iif, oif, fwmark, table and the types;
# automatic priorities below the first rule; listing order; deleting by priority or by spec; errors.
ip link add va type veth peer name vb
ip rule add from 10.1.0.0/16 table 100
ip rule add to 10.2.0.0/16 table 200 priority 1000
ip rule add iif va table 300
ip rule add oif vb lookup 301
ip rule add fwmark 0x10 table 400
ip rule add fwmark 0x20/0xff table 401
ip rule add from 10.3.0.1 prohibit
ip rule add from 10.3.0.2 blackhole
ip rule add from 10.3.0.3 unreachable
ip rule add from all table main priority 5
ip rule
ip rule del priority 1000
ip rule del from 10.1.0.0/16 table 100
ip rule del from 10.9.0.0/16
ip rule del priority 12345
ip rule add from 10.4.0.0/16 table 100 priority 32766
ip rule
ip rule add from nosuch table 1
ip rule add table
ip rule add iif nosuch table 5
ip rule add fwmark abc table 5
ip rule add from 10.5.0.0/16 table 0
ip rule flush
ip rule
