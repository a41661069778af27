# Pins down: the tutorial loop `for ns in a b c; do ip netns add $ns; done` on one line and over
# several, for over $(...), brace expansion, arithmetic for ((...)), break and continue.
for ns in red green blue; do ip netns add $ns; done
ip netns list
for ns in $(ip netns list); do
  ip -n $ns link set lo up
  echo "$ns: $(ip -n $ns -br link show lo | awk '{print $2}')"
done
for i in {1..3}; do echo "n$i"; done
for ((i = 0; i < 3; i++)); do
  ip netns add ns$i
done
ip netns list | wc -l
for ns in ns0 ns1 ns2 red; do
  [ $ns = ns1 ] && continue
  [ $ns = red ] && break
  ip netns del $ns
done
ip netns list
for x in; do echo never; done
