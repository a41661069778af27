# Pins down: set -e: a failing command in a condition, a && list or after ! does not stop the shell;
# inside bash -c a plain failure stops that shell (exit status of the failure); at the top level
# the scenario ends at the first plain failure, with no [exit N] line.
bash -c 'set -e; false; echo not printed'
bash -c 'set -e; ip netns del nosuch; echo not printed'
bash -c 'set -e; false || echo "|| saves it"; if false; then :; fi; echo "if saves it"'
set -e
false && true
echo "after a failing && list: $?"
! true
echo "after ! true"
if ip netns del nosuch 2>/dev/null; then :; else echo "in a condition"; fi
ip netns add ns1
ip netns add ns1
echo not printed
