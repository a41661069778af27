# Pins down: a syntax error in the scenario itself: bash prints "NAME.sh: line N: syntax error near
# unexpected token `X'" and the offending line, runs none of that command (so no "$ " line) and
# stops reading the script; the commands before it ran.
ip netns add ns1
ip netns list

if then ip netns add ns2; fi
