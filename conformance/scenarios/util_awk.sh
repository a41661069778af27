# Pins down: awk: fields ($1 $NF), -F, patterns (regex, comparison), NR and NF, BEGIN/END, printf,
# variables and sums, on ip output; a syntax error (exit 2).
ip link add va type veth peer name vb
ip link set va up
ip -br link | awk '{print $1}'
ip -br link | awk '{print $1, $2}'
ip -br link | awk '$2 == "DOWN" {print $1}'
ip -br link | awk '/^v/ {print NR": "$1}'
ip -o link | awk -F': ' '{print $2}'
ip -br link | awk 'END {print NR " devices"}'
echo "a b c d" | awk '{print NF, $NF}'
seq 1 4 | awk '{s += $1} END {print "sum", s}'
seq 1 3 | awk 'BEGIN {print "start"} {print $1 * 10} END {print "end"}'
awk 'BEGIN {printf "%-5s|%3d|%s\n", "ab", 7, "x"}'
echo "x:y:z" | awk -F: '{print $2}'
echo "3 4" | awk '{print ($1 > $2) ? "bigger" : "smaller"}'
awk 'BEGIN {print length("abc"), toupper("x"), substr("hello", 2, 3)}'
echo a | awk '{print $1'
