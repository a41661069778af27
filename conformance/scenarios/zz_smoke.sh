# smoke test
ip link
ip netns add a
ip netns list
ip -n a link
foo
ip link show nosuch
echo "it's" 'a;b' x
sleep 100 &
kill %1
wait
ip netns exec a false
  ip netns exec a ip netns identify
ip -all netns exec ip link
