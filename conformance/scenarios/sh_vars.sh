# Pins down: variables and parameter expansion: ${VAR} ${VAR:-x} ${VAR:=x} ${#VAR} ${VAR%...}
# ${VAR#...} ${VAR/a/b}, arithmetic $((...)), unset and empty values, export to a child shell.
ns=ns1
ip netns add $ns
ip netns add "${ns}b"
ip netns list
echo "${missing:-default} [${missing}] ${ns:-unused}"
echo "${new:=assigned} $new"
echo "${#ns}"
dev=veth0.100
echo "${dev%.*} ${dev#*.} ${dev/0/X} ${dev//0/Y}"
echo $((3 + 4 * 2)) $((7 / 2)) $((7 % 3)) $((1 << 4))
i=5; i=$((i + 1)); echo $i
empty=
echo "[$empty] [${empty:-was empty}]"
unset ns
echo "[${ns}]"
export GREETING=hello
bash -c 'echo "child sees $GREETING"'
LOCAL=only
bash -c 'echo "child sees [$LOCAL]"'
ONE=shot bash -c 'echo "one-shot: $ONE"'
echo "[$ONE]"
