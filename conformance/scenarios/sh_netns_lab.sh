# Pins down: the article's commands end to end in one script: namespaces made in a loop, a veth
# pair between them, addresses and routes configured with ip netns exec ns bash -c, pings in a
# pipeline, a function for repeated steps, and a cleanup loop.
for ns in red blue; do
  ip netns add $ns
  ip -n $ns link set lo up
done
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns blue
setup() {
  ip netns exec $1 bash -c "ip addr add $2 dev $3 && ip link set $3 up"
}
setup red 10.0.0.1/24 veth-red
setup blue 10.0.0.2/24 veth-blue
sleep 1
ip netns exec red ping -c 2 -i 0.2 -W 1 10.0.0.2 | grep -c 'bytes from'
ip netns exec blue bash -c 'ip -4 -br addr show veth-blue | awk "{print \$1, \$3}"'
ip -n red route | grep -c 10.0.0.0
for ns in $(ip netns list | cut -d' ' -f1); do
  echo "$ns: $(ip -n $ns -br link | wc -l) links"
done
for ns in red blue; do ip netns del $ns; done
ip netns list | wc -l
