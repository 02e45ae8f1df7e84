#!/usr/bin/env bash
# `rebound stats --json` at N reflections (default 10,000) beside `cat` over
# the same files, warm (the summary index built, the files in the page
# cache): the numbers come from the index, so no file is read. Prints the
# medians in milliseconds.
#   bash benches/stats.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-7}
# shellcheck source=benches/reflections.sh
source benches/reflections.sh
data=""
trap 'rm -rf "$data"' EXIT
make_reflections "$count"
beside_cat "$runs" stats --json
