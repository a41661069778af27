# Sourced through BASH_ENV by the driver that conformance/record generates (lib/driver.py).
# It defines the two hooks every top-level command is wrapped in and merges stderr into stdout,
# so that the transcript interleaves both streams in the order they were written.
#   __pre 'FIRST LINE' ['NEXT LINE'...] && :;   prints "$ FIRST LINE" and "> NEXT LINE"..., then gives
#                                               back the status of the previous top-level command, so
#                                               that $? is the scenario's own (`&& :` keeps set -e quiet)
#   __post STATUS                               prints "[exit STATUS]" unless STATUS is 0, and keeps it
unset BASH_ENV
exec 2>&1
__nssim_status=0
__pre() {
	printf '$ %s\n' "$1"
	shift
	[ $# -eq 0 ] || printf '> %s\n' "$@"
	return "$__nssim_status"
}
__post() {
	__nssim_status=$1
	if [ "$1" != 0 ]; then
		printf '[exit %s]\n' "$1"
	fi
}
