# Pins down: a compound command left open at the end of the scenario: bash reports "syntax error:
# unexpected end of file" on the line after the last, and none of the unfinished loop runs.
ip netns add ns1
for ns in a b; do
  ip netns add $ns
