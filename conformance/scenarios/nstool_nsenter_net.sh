# Pins down: nsenter --net=/run/netns/NAME runs a command in that namespace (ip link, identify);
# `--net FILE` with a blank does not take FILE (nsenter's error); a missing file, a file that is not
# a namespace, and a missing command (nsenter's messages and exit codes).
ip netns add ns1
ip -n ns1 link add va type veth peer name vb
nsenter --net=/run/netns/ns1 ip -br link | awk '{print $1, $2}'
nsenter --net=/run/netns/ns1 ip netns identify
nsenter --net /run/netns/ns1 bash -c 'ip link set lo up; ip -br link show lo'
nsenter --net=/run/netns/nosuch ip link
touch /tmp/notns
nsenter --net=/tmp/notns ip link
nsenter --net=/run/netns/ns1 nosuchcommand
nsenter --net=/run/netns/ns1 false
