#!/usr/bin/env bash
# `rebound steps --json` at N reflections (default 10,000) beside `cat` over
# the same files, warm (the summary index built, the files in the page
# cache). Issue 11 asks for at most half of cat's time. Prints the medians
# in milliseconds.
#   bash benches/agenda.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-7}
cargo build --release --quiet
bin=$PWD/target/release/rebound
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -m 700 "$data/reflections"
for ((i = 0; i < count; i++)); do
  id=$(printf '2026-11-20-reflection-%05d' "$i")
  printf '%s\n' \
    'schema_version = 2' "id = \"$id\"" "title = \"Reflection $i about the launch\"" \
    'status = "in-progress"' 'created = 2026-11-20T09:00:00Z' 'updated = 2026-11-20T09:30:00Z' \
    '' '[position]' 'stage = "goals"' 'field = "steps"' '' '[answers.perspective]' \
    'expected = "It was meant to ship in May, with the clinic pilot signed."' \
    '' '[[answers.goals.steps]]' 'text = "Interview five clinic managers"' 'due = "2026-12-05"' \
    > "$data/reflections/$id.toml"
done
chmod 600 "$data/reflections/"*.toml
REBOUND_DATA_DIR=$data "$bin" list >/dev/null
now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
steps=() cats=()
for ((r = 0; r < runs; r++)); do
  start=$(now_ms)
  REBOUND_DATA_DIR=$data "$bin" steps --json >/dev/null
  steps+=($(($(now_ms) - start)))
  start=$(now_ms)
  cat "$data/reflections/"*.toml >/dev/null
  cats+=($(($(now_ms) - start)))
done
echo "at $count reflections: rebound steps --json median $(median "${steps[@]}") ms, cat median $(median "${cats[@]}") ms (of $runs runs)"
