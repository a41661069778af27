# Pins down: commands that go on over several lines without a compound command: a backslash line
# continuation, a line ending in | or && or ||, a quoted bash -c script over several lines, and
# one-line commands with a trailing comment or a trailing ; (shown as typed, status as usual).
ip link add va \
  type veth peer name vb
ip -br link |
  wc -l
ip netns add ns1 &&
  echo added
ip netns add ns1 2>/dev/null ||
  echo "already there"
ip netns exec ns1 bash -c '
  ip link set lo up
  ip -br link show lo | cut -d" " -f1
'
echo "a comment follows" # not printed
false # a failing command with a comment
echo "ends with a semicolon";
ip -br link show va | \
  awk '{print $1}'
