# Sourced by the shell benches: builds rebound, then fills a fresh private
# data dir with COUNT in-progress reflections (one dated open step each, a
# weight, and every tenth a check-in and a day to look again) and
# lists it once so the summary index is built and the files are in the page
# cache. Sets `bin` and `data`; the caller removes `$data`.
#   make_reflections COUNT
make_reflections() {
  cargo build --release --quiet
  bin=$PWD/target/release/rebound
  data=$(mktemp -d)
  write_reflections "$data" "$1"
  REBOUND_DATA_DIR=$data "$bin" list >/dev/null
}

# Writes COUNT reflections into DIR/reflections, private to the user. One awk
# writes them all: a shell loop takes minutes at 100,000 files, and a glob
# over that many names is too long for one chmod.
#   write_reflections DIR COUNT
write_reflections() {
  mkdir -m 700 "$1/reflections"
  (
    umask 077
    awk -v dir="$1/reflections" -v count="$2" 'BEGIN {
      for (i = 0; i < count; i++) {
        id = sprintf("2026-11-20-reflection-%05d", i)
        file = dir "/" id ".toml"
        printf "schema_version = 2\nid = \"%s\"\ntitle = \"Reflection %d about the launch\"\n", id, i > file
        printf "status = \"in-progress\"\ncreated = 2026-11-20T09:00:00Z\nupdated = 2026-11-20T09:30:00Z\n\n" > file
        printf "[position]\nstage = \"goals\"\nfield = \"steps\"\n\n[answers.perspective]\n" > file
        printf "expected = \"It was meant to ship in May, with the clinic pilot signed.\"\n\n" > file
        printf "weight_today = 4\n\n" > file
        printf "[[answers.goals.steps]]\ntext = \"Interview five clinic managers\"\ndue = \"2026-12-05\"\n" > file
        if (i % 10 == 0) {
          printf "\n[answers.plan]\nlook_again = \"2026-11-25\"\n\n[[checkins]]\ndate = \"2026-11-24\"\nweight = 3\n" > file
        }
        close(file)
      }
    }'
  )
}

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

# Times `rebound ARGS` beside `cat` over the same files, RUNS times each,
# warm, and prints both medians in milliseconds (`$data`, `$bin` and
# `$count` as make_reflections left them).
#   beside_cat RUNS ARGS...
beside_cat() {
  local runs=$1 start r
  shift
  local ours=() cats=()
  for ((r = 0; r < runs; r++)); do
    start=$(now_ms)
    REBOUND_DATA_DIR=$data "$bin" "$@" >/dev/null
    ours+=($(($(now_ms) - start)))
    start=$(now_ms)
    cat "$data/reflections/"*.toml >/dev/null
    cats+=($(($(now_ms) - start)))
  done
  echo "at $count reflections: rebound $* median $(median "${ours[@]}") ms, cat median $(median "${cats[@]}") ms (of $runs runs)"
}
