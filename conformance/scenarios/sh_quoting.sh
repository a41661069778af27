# Pins down: quoting: single quotes keep everything, double quotes expand $ and keep spaces, backslash
# escapes, echo -n and -e, printf with formats, and words split on spaces.
v="two  spaces"
echo $v
echo "$v"
echo '$v is not expanded'
echo "a \"quoted\" word and a \$ sign"
echo a\ b\ \ c
echo -n "no newline"; echo " then one"
echo -e "tab\there\nnext line"
echo "no -e: tab\there"
printf '%s|%5s|%-5s|%d\n' x y z 42
printf '%s\n' one two three
printf '%03d %x %o\n' 7 255 8
printf 'no newline'; echo
echo '' "" x
