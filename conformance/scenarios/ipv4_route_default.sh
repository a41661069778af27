# Pins down: default routes: add, show (default / 0.0.0.0/0), a second default with a metric,
# del default removes the first match, and route get choosing the default.
ip netns add x
ip -n x link add va type veth peer name vb
ip -n x addr add 10.0.0.1/24 dev va
ip -n x link set va up
ip -n x link set vb up
ip -n x route add default via 10.0.0.254
ip -n x route add 0.0.0.0/0 via 10.0.0.253 metric 100
ip -n x route
ip -n x route show default
ip -n x route get 8.8.8.8
ip -n x route del default
ip -n x route
ip -n x route del default
ip -n x route
ip -n x route del default
