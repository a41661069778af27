# Pins down: coreutils' messages and statuses for files: ls of a missing path (2), cat of a
# directory, mkdir without -p, rmdir of a non-empty directory, touch in a missing directory, rm of
# a namespace file still mounted (EBUSY), stat of a missing file, readlink of a non-link (1).
ls /tmp/nosuch
ls /run/netns/nosuch /tmp
cat /run/netns
mkdir /tmp/a/b
mkdir -p /tmp/a/b
rmdir /tmp/a
touch /tmp/missing/x
ip netns add ns1
rm /run/netns/ns1
ip netns list
stat -c %i /tmp/nosuch
readlink /tmp/a
echo "readlink status $?"
