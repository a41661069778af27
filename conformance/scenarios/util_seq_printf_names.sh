# Pins down: seq (end, start end, step, -s, -w), printf reusing its format, %f %e %c, a bad number, and
# basename/dirname of namespace paths.
seq 3
seq 2 4
seq 1 3 10
seq -s, 1 4
seq -w 8 10
seq 5 1
printf '%s=%s\n' a 1 b 2 c
printf '%5.2f|%e\n' 3.14159 1000
printf '%c%c\n' abc def
basename /run/netns/ns1
basename /proc/self/ns/net .net
basename ns1.sh .sh
dirname /run/netns/ns1
dirname ns1
dirname /
printf '%d\n' notanumber
