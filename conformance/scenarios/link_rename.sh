# Pins down: ip link set DEV name NEW: renames (also while up), clashes give File exists, ip
# rejects empty/too long/whitespace/slash names, the kernel rejects "." and names with ':',
# and a %d pattern is expanded by the kernel.
ip link add va type veth peer name vb
ip link set va name vc
ip link set vc name vb
ip link set vc name lo
ip link set vc name ""
ip link set vc name 0123456789abcdef
ip link set vc name 0123456789abcde
ip link set dev 0123456789abcde name "v c"
ip link set dev 0123456789abcde name v/c
ip link set dev 0123456789abcde name .
ip link set dev 0123456789abcde name v:c
ip link set dev 0123456789abcde name vc
ip link set vc up
ip link set vc name vd
ip link set vd name "v%d"
ip link show
ip link set vb name v%d
ip -br link
