#!/usr/bin/env bash
# Regenerates examples/NAME.out from examples/NAME.sh with ./nssim (run from anywhere).
# The same as: mvn -B -pl sim-cli -am verify -Dnssim.updateExamples=true (the ExamplesTest then writes them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
for lab in examples/[0-9][0-9]-*.sh; do
	./nssim run "$lab" >"${lab%.sh}.out"
	echo "wrote ${lab%.sh}.out"
done
