# Pins down: lsns -t net with the columns that are stable (inode numbers, PIDs and the recorder's own
# command line are not): which namespaces have processes, their count, NSFS (the /run/netns name),
# NETNSID; a namespace without processes is not listed; -n drops the header.
ip netns add ns1
ip netns add ns2
ip netns exec ns1 sleep 100 &
ip netns exec ns1 sleep 100 &
sleep 0.3
lsns -t net -o TYPE,NPROCS,NSFS
lsns -t net -n -o NSFS,COMMAND | grep sleep
lsns -t net -n -o TYPE | wc -l
ip netns set ns1 5
lsns -t net -o NETNSID,NSFS
lsns -t net -o NSFS | grep -c ns2
kill %1 %2
wait
lsns -t net -n -o NSFS | grep -c ns1
