# Pins down: the routes of a namespace with only lo up: main has none, local has only `local ::1`
# (no multicast route for lo); `ip route show table all` lists both families; route get of ::1;
# -d (scope global) and -j forms.
ip netns add x
ip -n x link set lo up
ip -n x -6 route
ip -n x -6 route show table main
ip -n x -6 route show table local
ip -n x route show table all
ip -n x -6 route show table all
ip -n x -6 route get ::1
ip -n x -6 -d route show table local
ip -n x -6 -j route show table local
