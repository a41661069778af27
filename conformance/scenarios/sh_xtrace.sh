# Pins down: set -x in a child shell: each command traced on stderr as "+ CMD" with expanded words
# and quoting, "++" for a command substitution, and set +x traced too.
bash -c 'set -x; ip netns add ns1; echo "made $(ip netns list)"'
bash -c 'set -x; x="a b"; echo $x "$x"; set +x; echo quiet'
bash -x -c 'true && false'
