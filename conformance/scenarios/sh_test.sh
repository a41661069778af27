# Pins down: test, [ ] and [[ ]]: file tests on /run/netns and /tmp, string and integer comparisons,
# negation, -a/-o and && in [[ ]], pattern matching in [[ ]], and [ errors (exit 2).
ip netns add ns1
test -e /run/netns/ns1 && echo exists
[ -e /run/netns/ns2 ] || echo "ns2 missing"
[ -f /run/netns/ns1 ] && echo "a regular file"
[ -d /run/netns ] && echo "a directory"
[ -s /run/netns/ns1 ] || echo "of size 0"
[ abc = abc ] && [ abc != abd ] && echo strings
[ 10 -gt 9 ] && [ 3 -le 3 ] && echo integers
[ -z "" ] && [ -n x ] && echo empty-or-not
[ ! -e /tmp/nothing ] && echo negated
[ -e /run/netns/ns1 -a -d /tmp ] && echo "-a"
[[ ns1 == ns* ]] && echo "pattern match"
[[ -e /run/netns/ns1 && ! -e /tmp/x ]] && echo "[[ && ]]"
[ 1 -gt ]
[ a -eq 1 ]
[ a b c ]
test
echo "test with no arguments: $?"
[ x
