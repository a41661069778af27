# Pins down: read (fields split on IFS, the rest in the last variable, -r, IFS=: , status 1 at end
# of input), set -- and shift, $# and $@.
read a b c <<< "one two three four"
echo "[$a] [$b] [$c]"
IFS=: read x y <<< "left:right:more"
echo "[$x] [$y]"
read -r line <<< 'back\slash kept'
echo "$line"
read line <<< 'back\slash eaten'
echo "$line"
read nothing < /dev/null
echo "read at EOF: $?"
set -- ns1 ns2 ns3
echo "$# $1 $@"
shift
echo "$# $1"
shift 2
echo "$# [$1]"
shift
echo "shift past the end: $?"
