# Pins down: /proc/net and /proc/sys/net are the reader's namespace: /proc/net/dev lists that
# namespace's devices, /proc/sys/net/ipv4/ip_forward read and written per namespace with echo >,
# and ls -d of /proc/sys/net directories.
ip link add va type veth peer name vb
awk -F: 'NR > 2 {print $1}' /proc/net/dev
ip netns add ns1
ip netns exec ns1 awk -F: 'NR > 2 {print $1}' /proc/net/dev
cat /proc/sys/net/ipv4/ip_forward
ip netns exec ns1 bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward'
cat /proc/sys/net/ipv4/ip_forward
ip netns exec ns1 sysctl net.ipv4.ip_forward
ls -d /proc/sys/net/ipv4 /proc/sys/net/core
