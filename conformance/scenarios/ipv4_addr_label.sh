# Pins down: address labels: label DEV:N is shown at the end of the inet line (and selects with
# show label, also with a pattern); the kernel accepts a label that does not start with the device
# name (vb:1 on va); a 16-character label fails attribute validation.
ip link add va type veth peer name vb
ip addr add 10.0.0.1/24 dev va label va:1
ip addr add 10.0.1.1/24 dev va label va:web
ip addr add 10.0.2.1/24 dev va label vb:1
ip addr add 10.0.3.1/24 dev va label va:0123456789abc
ip addr add 10.0.4.1/24 dev va label va
ip -4 addr show dev va
ip -4 addr show label va:1
ip -4 addr show label "va:*"
