# Pins down: /proc/self/ns lists every namespace type; the links' names (not inodes); ls -l of ns/net
# shows a symlink, stat -L a regular empty file; /proc/self is a link to the reader's pid (compared, not printed).
ls /proc/self/ns
readlink /proc/self/ns/net | cut -d: -f1
readlink /proc/self/ns/mnt | cut -d: -f1
readlink /proc/self/ns/uts | cut -d: -f1
ls -l /proc/self/ns/net | cut -c1
[ "$(readlink /proc/self)" = "$BASHPID" ] || echo "readlink runs as its own process"
bash -c '[ "$(readlink /proc/$$/ns/net)" = "$(readlink /proc/self/ns/net)" ] && echo "same net as its child"'
stat -L -c %F /proc/self/ns/net
stat -c %F /proc/self/ns/net
