# Pins down: ip netns attach errors: existing name, missing process, missing arguments, invalid names.
ip netns add a
sleep 100 &
ip netns attach a $!
ip netns attach z 999999
ip netns attach z
ip netns attach
ip netns attach .. $!
ip netns attach a/b $!
ip netns list
kill %1
wait
