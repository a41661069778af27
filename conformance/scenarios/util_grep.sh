# Pins down: grep on ip output: -i -v -c -q -E -F -w -o -n, -A/-B/-C context (with -- between
# groups), BRE vs ERE, no match (exit 1), a missing file (exit 2) and a bad regex (exit 2).
ip link add va type veth peer name vb
ip link add br0 type bridge
ip -o link | awk -F': ' '{print $2}' > /tmp/names
cat /tmp/names
grep v /tmp/names
grep -v v /tmp/names
grep -c v /tmp/names
grep -i BR0 /tmp/names
grep -q lo /tmp/names && echo found
grep -E '^(lo|br0)$' /tmp/names
grep '^\(lo\|br0\)$' /tmp/names
grep -F 'a@' /tmp/names
grep -w vb /tmp/names
grep -w v /tmp/names
grep -o '@.*' /tmp/names
grep -n b /tmp/names
printf 'a\nb\nc\nd\ne\nf\ng\n' > /tmp/letters
grep -A1 b /tmp/letters
grep -B1 -e d -e g /tmp/letters
grep -C1 -E 'b|f' /tmp/letters
grep nomatch /tmp/letters
grep x /tmp/nosuch
grep -E '(' /tmp/letters
ip -d link show va | grep -o 'veth'
