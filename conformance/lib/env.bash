# Sourced through BASH_ENV by the driver that conformance/record generates.
# It defines the two hooks every driver line calls and merges stderr into stdout,
# so that the transcript interleaves both streams in the order they were written.
unset BASH_ENV
exec 2>&1
__pre() {
	printf '$ %s\n' "$1"
}
__post() {
	if [ "$1" != 0 ]; then
		printf '[exit %s]\n' "$1"
	fi
}
