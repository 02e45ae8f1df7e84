# Sourced by the shell benches: builds rebound, then fills a fresh private
# data dir with COUNT in-progress reflections (one dated open step each) and
# lists it once so the summary index is built and the files are in the page
# cache. Sets `bin` and `data`; the caller removes `$data`.
#   make_reflections COUNT
make_reflections() {
  local count=$1 i id
  cargo build --release --quiet
  bin=$PWD/target/release/rebound
  data=$(mktemp -d)
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
}
