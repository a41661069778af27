# Pins down: lists: `;` runs both, `&&` and `||` short-circuit left to right with equal precedence,
# the list's status is the last command run, and the classic `a && b || c`.
ip netns add ns1; ip netns list
ip netns add ns1 && echo added || echo "add failed"
ip netns add ns2 && echo added || echo "add failed"
false && echo not printed
true || echo not printed
false || false && echo not printed
true && false || echo rescued
ip netns del nosuch 2>/dev/null || echo "no such namespace"
ip netns list; false
echo a; echo b; echo c
