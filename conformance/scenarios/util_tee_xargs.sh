# Pins down: tee copying to /tmp files (and -a appending), xargs running ip netns add per name,
# -n 1, -I {} placement, xargs with no input runs the command once (GNU) unless -r, and the
# default echo.
echo ns1 | tee /tmp/copy
cat /tmp/copy
echo ns2 | tee -a /tmp/copy > /dev/null
cat /tmp/copy
cat /tmp/copy | xargs -n 1 ip netns add
ip netns list
printf 'a\nb\n' | xargs echo
printf 'a\nb\n' | xargs -n 1 echo
ip netns list | xargs -I {} echo "namespace {} here"
true | xargs echo "ran anyway"
true | xargs -r echo "not run"
echo ns1 | xargs ip netns add
echo "xargs status $?"
ip netns list | tee /tmp/a /tmp/b | wc -l
cat /tmp/b
