# Pins down: functions spanning lines, arguments ($1 $# "$@"), local, return N as the call's status,
# a function making namespaces and veth pairs, and `function NAME { }`.
mkns() {
  local ns=$1
  ip netns add "$ns" || return 1
  ip -n "$ns" link set lo up
  echo "made $ns ($# args)"
}
mkns ns1
mkns ns1
echo "status $?"
function pair {
  ip link add "$1" type veth peer name "$2"
  ip -br link show "$1" | awk '{print $1, $2}'
}
pair va vb
count() { echo "$#: $*"; for a in "$@"; do echo "[$a]"; done; }
count one "two words" three
x=outer
f() { local x=inner; echo "in f: $x"; }
f; echo "after f: $x"
ret() { return $1; }
ret 5
