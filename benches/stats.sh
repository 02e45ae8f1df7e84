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
now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
stats=() cats=()
for ((r = 0; r < runs; r++)); do
  start=$(now_ms)
  REBOUND_DATA_DIR=$data "$bin" stats --json >/dev/null
  stats+=($(($(now_ms) - start)))
  start=$(now_ms)
  cat "$data/reflections/"*.toml >/dev/null
  cats+=($(($(now_ms) - start)))
done
echo "at $count reflections: rebound stats --json median $(median "${stats[@]}") ms, cat median $(median "${cats[@]}") ms (of $runs runs)"
