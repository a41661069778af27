# Pins down: id as root (uid, gid, groups; -u, -un), the same inside a namespace, and env running a
# command with an added variable and with -i.
id
id -u
id -un
ip netns add ns1
ip netns exec ns1 id -u
env GREETING=hi bash -c 'echo $GREETING'
env -i bash -c 'echo "[$GREETING]"'
env nosuchcommand
