# Pins down: redirections to files under /tmp and /dev/null: > truncates, >> appends, < reads,
# 2> and 2>&1 (order matters), &> both, >/dev/null silences, a missing input file, and a redirection
# onto a directory.
ip netns add ns1
ip netns list > /tmp/list
cat /tmp/list
ip -br link >> /tmp/list
wc -l < /tmp/list
echo first > /tmp/list
cat /tmp/list
ip netns add ns1 2> /tmp/err
cat /tmp/err
ip netns add ns1 2>/dev/null
ip netns add ns1 > /dev/null 2>&1
ip netns add ns1 2>&1 > /dev/null
ip netns add ns1 &> /tmp/both
cat /tmp/both
ip link show nosuch 2>&1 | tr a-z A-Z
ping -c 1 -W 1 127.0.0.1 > /dev/null
echo "ping status $?"
cat < /tmp/nosuch
echo data > /tmp
echo hi 1>&2
