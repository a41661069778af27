# Pins down: what ip netns add does by hand: touch /run/netns/NAME and bind-mount a process's
# /proc/PID/ns/net on it; ip netns list and exec then see the name, the namespace outlives the
# process; umount and rm take the name away; umount of something not mounted.
unshare -n sleep 100 &
sleep 0.3
touch /run/netns/manual
mount --bind /proc/$!/ns/net /run/netns/manual
ip netns list
kill %1
wait
ip netns exec manual ip -br link
[ "$(ip netns exec manual readlink /proc/self/ns/net)" != "$(readlink /proc/self/ns/net)" ] && echo "not the host"
umount /run/netns/manual
ip netns list
ip netns exec manual true
rm /run/netns/manual
ip netns list
umount /run/netns/manual
touch /tmp/x
umount /tmp/x
