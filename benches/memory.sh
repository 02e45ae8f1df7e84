#!/usr/bin/env bash
# Peak memory (resident set, in MB) of `rebound list --json` at 10,000 and
# 100,000 reflections (or the counts given), warm: the summary index built.
# Issue 11 asks for under 24 MB and under 48 MB. The data dirs are kept in
# /tmp between runs (rebound-memory-bench-COUNT), since 100,000 files take a
# while to write; remove them to start afresh.
#   bash benches/memory.sh [COUNT...]
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10000 100000)
# shellcheck source=benches/reflections.sh
source benches/reflections.sh
cargo build --release --quiet
bin=$PWD/target/release/rebound

# The peak resident set of a command in KB, from GNU time or the shell's.
peak_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1
  else
    { command time -v "$@" >/dev/null; } 2>&1 | awk '/Maximum resident/ { print $NF }'
  fi
}

for count in "${counts[@]}"; do
  data=/tmp/rebound-memory-bench-$count
  if [ ! -d "$data/reflections" ] || [ "$(find "$data/reflections" -name "*.toml" | wc -l)" -ne "$count" ]; then
    rm -rf "$data"
    mkdir -m 700 "$data"
    write_reflections "$data" "$count"
  fi
  # Warms the index (and the page cache) for this build's index version.
  REBOUND_DATA_DIR=$data "$bin" list >/dev/null
  kb=$(REBOUND_DATA_DIR=$data peak_kb "$bin" list --json)
  echo "at $count reflections: rebound list --json peak RSS $((kb / 1024)) MB ($kb KB)"
done
