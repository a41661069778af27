# Pins down: a multi-line script piped into bash, fed by a here-document, and run inside a namespace
# with `ip netns exec ns1 bash` reading the script from stdin; each runs in the namespace it was
# started in.
ip netns add ns1
printf 'echo one\nip netns list\necho two\n' | bash
ip netns exec ns1 bash <<'EOF'
ip link set lo up
ip -br link
echo "in $(ip netns identify)"
EOF
bash <<EOF
for ns in a b; do
  ip netns add \$ns
done
EOF
ip netns list
echo 'exit 5' | bash
echo "bash status $?"
echo 'nosuch' | bash
echo 'ip netns identify' | ip netns exec ns1 bash
