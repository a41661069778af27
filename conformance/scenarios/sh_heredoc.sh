# Pins down: here-documents with expansion ($VAR, ${#VAR}, $(( ))), with a quoted delimiter (nothing
# expanded), <<- stripping leading tabs, one feeding a pipeline, and here-strings <<<.
ns=ns1
ip netns add $ns
cat <<EOF
namespace $ns, ${#ns} characters, $((2 * 3)) six
EOF
cat <<'EOF'
namespace $ns is not expanded
EOF
cat <<-EOF
	tabs are stripped
		all leading tabs
	EOF
cat <<EOF | grep -c line
line one
line two
other
EOF
grep -c ns <<< "$(ip netns list)"
wc -w <<< "one two three"
read a b <<< "first second third"
echo "a=$a b=$b"
tr a-z A-Z <<< 'here string'
