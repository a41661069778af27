# Pins down: prefix abbreviations of objects, commands and options that the simulator accepts:
# ip l, ip li sh, ip link s (set), ip netn ls, ip -d/-de, -j, -br, -o, -n with a name.
ip netns add x
ip l
ip li sh lo
ip link s dev lo up
ip link sh lo
ip link list lo
ip link lst lo
ip -br l
ip -brief link
ip -o l
ip -oneline link show lo
ip -json link show lo
ip -j -pretty link show lo
ip -netns x l
ip -n x -de l
ip netn ls
ip netns l
