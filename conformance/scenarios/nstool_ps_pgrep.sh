# Pins down: ps and pgrep on processes the scenario started, without printing pids: ps -o comm= and
# args= of $!, ps -e counting by name, pgrep -c / -x / -f, pgrep with no match (exit 1), and the
# comm of ip netns exec after exec (the program's name, not ip).
ip netns add ns1
ip netns exec ns1 sleep 100 &
sleep 0.3
ps -o comm= -p $!
ps -o args= -p $!
ps -o comm,args -p $!
ps -e -o comm | grep -c sleep
pgrep -c sleep
pgrep -x sleep | wc -l
pgrep -f 'sleep 100' | wc -l
[ "$(pgrep -x sleep)" = "$!" ] && echo "pgrep finds the job"
pgrep nosuchprocess
ps -o comm= -p $$
kill %1
wait
pgrep -c sleep
