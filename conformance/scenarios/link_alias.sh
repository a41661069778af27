# Pins down: ip link set DEV alias TEXT: shown as an "alias" line and "ifalias" in JSON;
# an empty alias removes it; aliases of 256 characters or more are rejected.
ip link add va type veth peer name vb
ip link set va alias "hello world"
ip link show va
ip -j link show va
ip -br link show va
ip link set va alias ""
ip link show va
ip link set lo alias loopback
ip link show lo
ip link set va alias 01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
ip link show va
