# Lab 6: a leaked device reference, and "waiting for DEV to become free".
# Run it with: ./nssim run examples/06-leaked-reference.sh
#
# A device cannot be freed while someone holds a reference on it. A kernel bug that forgets to
# put one leaves the device unregistered but alive, and whoever unregistered it waits forever.
ip netns add blue
ip link add va type veth peer name vb netns blue
# nssim plays the buggy kernel code: it takes a reference on vb and never puts it.
nssim -n blue leak dev vb
nssim -n blue show dev vb
# Deleting blue: the cleanup worker unregisters vb and va, then waits for them to be free.
# va is freed at once; vb is not.
ip netns del blue
sleep 1
nssim show cleanup
nssim show net inode:4026532000
# The wait blocks the single cleanup worker: a namespace that dies now has to wait behind it.
ip netns add red
ip netns del red
sleep 1
nssim show cleanup
# After 10 seconds the kernel starts to complain, naming the holders it tracks.
sleep 10
dmesg
# Put the reference back: the worker frees vb, finishes blue, then cleans red up.
nssim release dev vb
sleep 1
nssim show cleanup
