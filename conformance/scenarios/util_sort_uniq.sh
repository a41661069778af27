# Pins down: sort (plain, -n, -r, -u, -k with -t, numeric keys) and uniq (-c, -d, needs sorted
# input), on namespace names and numbers.
for ns in web2 web10 db web1 db; do echo $ns; done > /tmp/names
sort /tmp/names
sort -u /tmp/names
sort -r /tmp/names
printf '10\n9\n100\n-1\n' | sort
printf '10\n9\n100\n-1\n' | sort -n
printf '10\n9\n100\n-1\n' | sort -rn
printf 'b:2\na:10\nc:1\n' | sort -t: -k2 -n
printf 'b 2\na 10\nc 1\n' | sort -k2,2n
sort /tmp/names | uniq
sort /tmp/names | uniq -c
sort /tmp/names | uniq -d
uniq -c /tmp/names
for ns in b a c; do ip netns add $ns; done
ip netns list | sort
sort /tmp/nosuch
