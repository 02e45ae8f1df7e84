#!/usr/bin/env bash
# Start-up to a drawn home screen at N reflections (default 10,000), measured
# the way a person sees it: rebound runs in tmux and the pane is polled until
# the list is on screen. Prints each run and the median in milliseconds.
#   bash benches/startup.sh [COUNT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-7}
command -v tmux >/dev/null || { echo "startup.sh needs tmux" >&2; exit 1; }
# shellcheck source=benches/reflections.sh
source benches/reflections.sh
data=""
sock="rebound-startup-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$data"' EXIT
make_reflections "$count"

times=()
for ((r = 0; r < runs; r++)); do
  start=$(now_ms)
  tmux -L "$sock" new-session -d -x 100 -y 32 "REBOUND_DATA_DIR=$data $bin"
  until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "Reflection"; do
    sleep 0.002
  done
  took=$(($(now_ms) - start))
  times+=("$took")
  echo "run $((r + 1)): ${took} ms"
  tmux -L "$sock" kill-server
  sleep 0.2
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
echo "start-up to a drawn home at $count reflections: median ${median} ms (of $runs runs)"
