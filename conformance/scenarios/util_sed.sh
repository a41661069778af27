# Pins down: sed s///, s///g, & and \1, -n with p, d, line and regex addresses, ranges, $, -E, and a
# bad command (exit 1).
ip link add va type veth peer name vb
ip -br link | sed 's/ .*//'
echo aaa | sed s/a/b/
echo aaa | sed s/a/b/g
echo "ns1 ns2" | sed 's/ns\([0-9]\)/[\1]/g'
echo "va@vb" | sed -E 's/(.*)@(.*)/\2 is the peer of \1/'
echo word | sed 's/.*/<&>/'
seq 1 5 | sed -n 2p
seq 1 5 | sed -n '2,4p'
seq 1 5 | sed 3d
seq 1 5 | sed '$d'
seq 1 5 | sed -n '/3/,$p'
seq 1 5 | sed '/2/d;/4/d'
seq 1 3 | sed -n '$='
echo x | sed 'k'
