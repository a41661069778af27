# Pins down: if/elif/else spanning lines with command conditions (ip netns list | grep -q), test
# conditions, a one-line if, and the status of an if whose branch did not run (0).
ip netns add ns1
if ip netns list | grep -q ns1; then
  echo "ns1 exists"
fi
if ip netns list | grep -q ns2; then
  echo "ns2 exists"
elif [ -e /run/netns/ns1 ]; then
  echo "only ns1 in /run/netns"
else
  echo neither
fi
if ip netns add ns1 2>/dev/null; then echo created; else echo "already there"; fi
if false; then
  echo not printed
fi
echo "if status $?"
if ! ip -n ns1 link show va >/dev/null 2>&1; then
  ip -n ns1 link add va type veth peer name vb
  ip -n ns1 -br link show va
fi
