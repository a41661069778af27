# Pins down: unshare -n runs a command in a brand-new namespace (lo only, DOWN, no name), the host
# is unchanged; unshare -n bash -c with several commands; two living unshare namespaces differ
# (compared while both live: a dead namespace's inode number may be given to the next); a missing
# command.
unshare -n ip link
unshare -n ip netns identify
unshare -n bash -c 'ip link set lo up; ip -br link; ip link add va type veth peer name vb; ip -br link | wc -l'
ip -br link | wc -l
[ "$(unshare -n readlink /proc/self/ns/net)" != "$(readlink /proc/self/ns/net)" ] && echo "a new namespace"
unshare -n sleep 100 &
p1=$!
unshare -n sleep 100 &
sleep 0.3
[ "$(readlink /proc/$p1/ns/net)" != "$(readlink /proc/$!/ns/net)" ] && echo "two at once differ"
kill %1 %2
wait
unshare -n nosuchcommand
unshare -n false
