# Pins down: pipelines: ip output into wc/head/grep, a three-stage pipeline, a pipeline's status is
# its last command's, `!` inverts it, `|&` pipes stderr too, and a failing first stage is silent.
ip netns add ns1
ip netns add ns2
ip -br link | wc -l
ip netns list | head -1
ip netns list | grep ns2
ip netns list | grep -c ns
ip -n ns1 link | grep -i loopback | wc -l
ip netns list | grep nothere
ip netns list | grep nothere | wc -l
! ip netns list | grep -q nothere
! true
ip link show nosuch | wc -l
ip link show nosuch |& wc -l
ip link show nosuch 2>&1 | head -1
false | true
true | false
