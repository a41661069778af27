# Pins down: ( ... ) runs in a subshell (variables, cd and exit stay inside), { ...; } in the current
# shell, redirecting a group's output, status of each, and a group spanning lines.
x=1
(x=2; echo "in subshell x=$x")
echo "after subshell x=$x"
{ x=3; echo "in group x=$x"; }
echo "after group x=$x"
(cd /tmp && echo "subshell cd ok")
(exit 4)
echo "subshell status $?"
{ ip netns add ns1; ip netns add ns2; } 2>&1
{ ip netns list; echo end; } > /tmp/out
cat /tmp/out
{
  ip netns add ns1
  echo "second add: $?"
} 2>/dev/null
( ip netns add ns3
  ip netns list | wc -l )
