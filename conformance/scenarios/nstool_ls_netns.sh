# Pins down: ls of /run/netns and /var/run/netns (the same directory), -1, -a, -l with the stable
# columns (mode, links, owner, size; not the date), an empty directory, a missing entry (exit 2).
ls /run/netns
ip netns add ns1
ip netns add ns2
ls /run/netns
ls /var/run/netns
ls -1 /run/netns
ls -a /run/netns
ls -l /run/netns | awk '{print $1, $2, $3, $4, $5, $NF}'
ls -ld /run/netns | awk '{print $1, $3, $4, $NF}'
ls /run/netns/ns1
ls /run/netns/nosuch
ip netns del ns1
ls /var/run/netns
