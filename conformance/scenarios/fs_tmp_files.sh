# Pins down: a user's own files under /tmp: touch, mkdir (-p), ls, test -e, cat, >> appending,
# rm (-r, -f), rmdir, and their errors (missing file, existing directory, rm of a directory).
ls /tmp
touch /tmp/a
mkdir /tmp/dir
mkdir -p /tmp/dir/sub/deeper
echo hello > /tmp/dir/file
echo again >> /tmp/dir/file
ls /tmp
ls /tmp/dir
cat /tmp/dir/file
test -e /tmp/a && echo "a exists"
test -d /tmp/dir/sub && echo "sub is a directory"
mkdir /tmp/dir
rm /tmp/dir
rm /tmp/nosuch
rm -f /tmp/nosuch
echo "rm -f status $?"
rmdir /tmp/dir
rm -r /tmp/dir
ls /tmp
cat /tmp/nosuch
cat /tmp
touch /tmp/nosuchdir/x
