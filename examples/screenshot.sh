#!/usr/bin/env bash
# Renders a lab's HTML page (./nssim run LAB --html) in headless Chromium and saves a PNG, to check the page
# by eye. Not part of mvn verify. Needs chromium (Debian: apt-get install -y chromium).
#
#   examples/screenshot.sh [LAB.sh [STEP [OUT.png]]]
#   examples/screenshot.sh examples/03-bridge-lan.sh 18 /tmp/lan.png
#
# STEP is the step the page opens at (#step-N; 0 is the machine as booted); the default is the last one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lab=${1:-$root/examples/03-bridge-lan.sh}
step=${2:-}
png=${3:-/tmp/nssim-$(basename "${lab%.sh}").png}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "screenshot.sh: no chromium found (apt-get install -y chromium)" >&2; exit 1; }
html=$(mktemp --suffix=.html)
profile=$(mktemp -d)
trap 'rm -rf "$html" "$profile"' EXIT
"$root/nssim" run "$lab" --html "$html" >/dev/null
if [ -z "$step" ]; then
	step=$(grep -c '^$ ' <("$root/nssim" run "$lab") || true)
fi
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	--disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --window-size=1280,900 \
	--screenshot="$png" "file://$html#step-$step" 2>/dev/null
echo "$png (step $step of $lab)"
