# Pins down: wc -l -w -c and all three with a file name, head -n / -c / -n -K, tail -n / -n +K / -c,
# head of fewer lines than asked, and a missing file.
seq 1 10 > /tmp/ten
wc -l /tmp/ten
wc -l < /tmp/ten
wc -w -c < /tmp/ten
wc /tmp/ten
ip -br link | wc -l
head -3 /tmp/ten
head -n 2 /tmp/ten
head -c 5 /tmp/ten
head -n -8 /tmp/ten
tail -2 /tmp/ten
tail -n +9 /tmp/ten
tail -c 3 /tmp/ten
seq 1 2 | head -n 5
printf 'no newline' | wc -l
head -n x /tmp/ten
wc -l /tmp/nosuch
