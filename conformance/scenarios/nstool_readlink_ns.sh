# Pins down: readlink /proc/self/ns/net prints net:[INODE]; compared (not printed, inodes differ
# run to run) between the host, ip netns exec, nsenter and the /run/netns file; stat -L -c %i of the
# name equals the link's inode; two names for one namespace share it.
readlink /proc/self/ns/net | grep -c '^net:\[[0-9]*\]$'
ip netns add ns1
host=$(readlink /proc/self/ns/net)
inside=$(ip netns exec ns1 readlink /proc/self/ns/net)
[ "$host" != "$inside" ] && echo "ns1 differs from the host"
[ "$inside" = "$(nsenter --net=/run/netns/ns1 readlink /proc/self/ns/net)" ] && echo "nsenter sees the same"
[ "$inside" = "net:[$(stat -L -c %i /run/netns/ns1)]" ] && echo "the name's inode is the namespace's"
[ "$host" = "net:[$(stat -L -c %i /proc/self/ns/net)]" ] && echo "stat -L of the link too"
ip netns exec ns1 sleep 100 &
sleep 0.3
ip netns attach ns1b $!
[ "$(stat -L -c %i /run/netns/ns1)" = "$(stat -L -c %i /run/netns/ns1b)" ] && echo "two names, one namespace"
[ "$(readlink /proc/$!/ns/net)" = "$inside" ] && echo "/proc/PID/ns/net of the job"
readlink /proc/self/ns/nosuch
kill %1
wait
