# Pins down: /run/netns and /var/run/netns are one directory (Debian: /var/run -> /run): a name
# added by ip shows in both, the name deleted is gone from both, readlink of /var/run, and
# the same view inside ip netns exec.
ip netns add ns1
ls /var/run/netns
[ "$(stat -L -c %i /run/netns/ns1)" = "$(stat -L -c %i /var/run/netns/ns1)" ] && echo "same namespace file"
readlink /var/run
ip netns exec ns1 ls /var/run/netns
ip netns del ns1
ls /var/run/netns | wc -l
