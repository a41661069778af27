# Pins down: `echo $$; ip netns identify $$`-style checks without printing pids: the shell's own pid
# identifies as the host (empty), a child shell in ns1 as ns1, $$ in a subshell is the parent's,
# and $BASHPID differs there.
ip netns add ns1
[ -z "$(ip netns identify $$)" ] && echo "this shell: no name"
ip netns identify $$ | wc -c
ip netns exec ns1 bash -c 'ip netns identify $$'
ip netns exec ns1 bash -c 'echo $$ > /tmp/pid; sleep 2' &
sleep 1
[ "$(ip netns identify $(cat /tmp/pid))" = ns1 ] && echo "the child's pid is in ns1"
[ "$(cat /tmp/pid)" = "$!" ] && echo "and it is \$!"
wait
(echo "[ \$\$ = \$BASHPID in a subshell: $([ $$ = $BASHPID ] && echo yes || echo no)")
[ $$ = $BASHPID ] && echo "top level: \$\$ = \$BASHPID"
