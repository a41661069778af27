# Pins down: cut -d -f (one field, a range, several, a missing delimiter passes the line), cut -c,
# tr (ranges, -d, -s, -c), on ip -o output (tr -cd drops the newline: the next "$ " line follows it
# directly); cut without a list.
ip link add va type veth peer name vb
ip -o link show va | cut -d: -f2
ip -o link show va | cut -d' ' -f2
ip -o link show lo | cut -d' ' -f2-3
echo "a:b:c:d" | cut -d: -f1,3
echo "a:b:c:d" | cut -d: -f3-
echo "no colon" | cut -d: -f2
echo "no colon" | cut -s -d: -f2
echo abcdef | cut -c2-4
ip -br link show va | tr -s ' '
echo "Hello World" | tr a-z A-Z
echo "Hello World" | tr -d lo
echo "aaabbb" | tr -s a
echo "a1b2c3" | tr -cd 0-9
echo
cut -d: /tmp/nothing
