# Pins down: while read over ip output in a pipe (the loop runs in a subshell: its variables do not
# survive), until with a counter, while over a here-string, and a loop's status.
ip netns add ns1
ip netns add ns2
ip netns list | while read name rest; do
  echo "name=$name"
done
n=0
ip netns list | while read name; do n=$((n + 1)); done
echo "n after the pipe: $n"
while read name; do n=$((n + 1)); done <<< "$(ip netns list)"
echo "n after the here-string: $n"
i=0
until [ $i -ge 3 ]; do
  i=$((i + 1))
  ip netns add loop$i
done
ip netns list | grep -c loop
while false; do echo never; done
echo "status $?"
