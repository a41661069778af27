# Pins down: bash -c and sh -c as programs: the article's `ip netns exec ns1 bash -c '...'` running
# several commands inside ns1, status of the last command or exit N, $0 and positional arguments,
# a child's syntax error (exit 2) and a missing -c argument.
ip netns add ns1
ip netns exec ns1 bash -c 'ip link set lo up; ip -4 -br addr'
ip netns exec ns1 bash -c 'ip netns identify; ip -br link | wc -l'
bash -c 'false; true'
bash -c 'true; false'
bash -c 'exit 42'
sh -c 'echo from sh; exit 3'
bash -c 'echo "$0 $1 $2 ($#)"' name a b
bash -c 'if then'
sh -c 'echo "unterminated'
bash -c
ip netns exec ns1 bash -c 'ip link add va type veth peer name vb && ip -br link show va | cut -d" " -f1'
ip -n ns1 -br link | wc -l
ip -br link | wc -l
