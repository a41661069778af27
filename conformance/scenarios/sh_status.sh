# Pins down: $? after success, failure, an unknown command (127) and a signal-free exit N; $? on the
# next line is the previous command's; PIPESTATUS of a pipeline; pipefail inside bash -c.
true
echo $?
false
echo $?
ip netns del nosuch
echo $?
nosuchcommand
echo $?
bash -c 'exit 7'
echo "status was $?"
false | true | (exit 3); echo "${PIPESTATUS[@]}"
ip link show nosuch | wc -l; echo "${PIPESTATUS[0]} ${PIPESTATUS[1]}"
bash -c 'set -o pipefail; false | true'
bash -c 'set -o pipefail; ip link show nosuch 2>/dev/null | true; echo $?'
