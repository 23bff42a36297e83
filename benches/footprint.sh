#!/usr/bin/env bash
# What the crate costs besides run time: clean-build time and binary size,
# each against the route a user would take instead.
#
# Run from the repository root:
#   bash benches/footprint.sh build   # clean builds, debug and release, -j2
#   bash benches/footprint.sh size    # release binary that uses every record
#   bash benches/footprint.sh         # both
# RUNS=5 (default 3) sets how many clean builds each median is taken from;
# FEATURES=serde builds this crate with those features.
# Needs the crates in Cargo.lock (and serde/serde_json) in cargo's cache;
# builds run with --offline.
#
# build: `cargo build [--release] -j2` of this crate (default features,
#   dependencies included, a fresh CARGO_TARGET_DIR each time, incremental
#   compilation off as for any dependency from crates.io) against a
#   minimal library taking the JSON route: the records exported by
#   `cargo run --example export -- --format jsonl`, embedded with
#   `include_str!` and deserialised by serde_json (serde with derive) on
#   first use. Prints each run, the medians, and a `--timings` breakdown by
#   crate (compile time of each unit, summed per crate; units overlap on 2
#   cores, so the parts add up to more than the wall time).
# size: the same minimal `main` (sums the text lengths of every record and
#   of every key opinion's sources) with and without the crate, stripped;
#   the difference is what the dataset adds, compared with the data file.
#   A third `main` also sums every record's text_en(): what the English
#   adds to a program that uses it (one that does not links none of it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/zaitaku-footprint.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export CARGO_TERM_COLOR=never
# Cargo compiles a crate from a registry without incremental state, even in
# the dev profile; build both crates that way, as a user's build would.
export CARGO_INCREMENTAL=0

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

json_route() {
  mkdir -p "$WORK/json_route/src"
  cargo run --quiet --features serde --example export -- --format jsonl \
    | sed '1s/^/[/; $!s/$/,/; $s/$/]/' >"$WORK/json_route/records.json"
  cat >"$WORK/json_route/Cargo.toml" <<'EOF'
[package]
name = "json_route"
version = "0.1.0"
edition = "2021"

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
EOF
  cat >"$WORK/json_route/src/lib.rs" <<'EOF'
//! The records as JSON, deserialised on first use.
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
pub struct Record {
    pub id: String,
    pub kind: String,
    pub theme: String,
    pub region: Option<String>,
    pub category: String,
    pub text: String,
    pub taken_from: String,
    pub first_line: u32,
    pub last_line: u32,
}

static RECORDS: LazyLock<Vec<Record>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../records.json")).expect("the export's records")
});

pub fn records() -> &'static [Record] {
    &RECORDS
}
EOF
  # The same serde versions as this crate's lock file (cargo drops the rest).
  cp "$ROOT/Cargo.lock" "$WORK/json_route/Cargo.lock"
}

# clean_build <manifest dir> <profile flag or ""> <target dir> [cargo flags] -> seconds
clean_build() {
  local dir=$1 profile=$2 target=$3 start end
  shift 3
  rm -rf "$target"
  start=$(date +%s.%N)
  (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build --offline --quiet -j2 $profile "$@")
  end=$(date +%s.%N)
  rm -rf "$target"
  echo "$end - $start" | bc
}

# timings <manifest dir> <profile flag or ""> [cargo flags] -> per-crate seconds
timings() {
  local dir=$1 profile=$2 target="$WORK/timings"
  shift 2
  rm -rf "$target"
  (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build --offline --quiet -j2 $profile --timings "$@")
  python3 - "$target"/cargo-timings/cargo-timing.html <<'EOF'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
total = {}
for u in units:
    # This crate's build script (compiled, then run) is listed apart.
    name = u["name"]
    if name == "zaitaku_opinions" and u["target"].strip():
        name += " " + u["target"].strip()
    total[name] = total.get(name, 0.0) + u["duration"]
print("  " + ", ".join(f"{n} {t:.2f}s" for n, t in sorted(total.items(), key=lambda x: -x[1])))
EOF
  rm -rf "$target"
}

measure_build() {
  json_route
  echo "clean builds, -j2, $RUNS runs each, features: ${FEATURES:-default}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  for profile in "" "--release"; do
    name=${profile:-debug}; name=${name#--}
    declare -a ours=() theirs=()
    for i in $(seq "$RUNS"); do
      ours+=("$(clean_build "$ROOT" "$profile" "$WORK/t-ours" ${FEATURES:+--features "$FEATURES"})")
      theirs+=("$(clean_build "$WORK/json_route" "$profile" "$WORK/t-json")")
      echo "  $name run $i: zaitaku_opinions ${ours[-1]}s, json_route ${theirs[-1]}s"
    done
    m1=$(printf '%s\n' "${ours[@]}" | median)
    m2=$(printf '%s\n' "${theirs[@]}" | median)
    printf '%s median: zaitaku_opinions %.2fs, json_route %.2fs, ratio %.2f\n' \
      "$name" "$m1" "$m2" "$(echo "$m1 / $m2" | bc -l)"
    echo " per crate, zaitaku_opinions ($name):"; timings "$ROOT" "$profile" ${FEATURES:+--features "$FEATURES"}
    echo " per crate, json_route ($name):"; timings "$WORK/json_route" "$profile"
  done
}

measure_size() {
  mkdir -p "$WORK/with/src" "$WORK/without/src"
  for d in with without; do
    cat >"$WORK/$d/Cargo.toml" <<EOF
[package]
name = "$d"
version = "0.1.0"
edition = "2021"

[dependencies]
EOF
  done
  echo "zaitaku_opinions = { path = \"$ROOT\" }" >>"$WORK/with/Cargo.toml"
  cp "$ROOT/Cargo.lock" "$WORK/with/Cargo.lock"
  cat >"$WORK/with/src/main.rs" <<'EOF'
fn main() {
    // The text bytes of every record, and (touching the links too) of
    // every key opinion's sources.
    let mut text = std::env::args().count() - 1;
    let mut sources = 0;
    for o in zaitaku_opinions::opinions() {
        text += o.text().len();
    }
    for k in zaitaku_opinions::key_opinions() {
        text += k.text().len();
        sources += k.taken_from().iter().map(|s| s.text().len()).sum::<usize>();
    }
    println!("{text} {sources}");
}
EOF
  cat >"$WORK/without/src/main.rs" <<'EOF'
fn main() {
    let n: usize = std::env::args().map(|a| a.len()).sum();
    println!("{n}");
}
EOF
  # The same main, with the English of every record too.
  mkdir -p "$WORK/with_en/src"
  sed 's/^name = "with"$/name = "with_en"/' "$WORK/with/Cargo.toml" >"$WORK/with_en/Cargo.toml"
  cp "$ROOT/Cargo.lock" "$WORK/with_en/Cargo.lock"
  sed 's/\(\([ok]\)\.text()\.len()\);/\1 + \2.text_en().len();/' "$WORK/with/src/main.rs" \
    >"$WORK/with_en/src/main.rs"
  grep -q 'k.text_en()' "$WORK/with_en/src/main.rs"
  for d in with without with_en; do
    (cd "$WORK/$d" && CARGO_TARGET_DIR="$WORK/t-size" cargo build --offline --quiet --release)
    strip -o "$WORK/$d.bin" "$WORK/t-size/release/$d"
  done
  local with without data text
  with=$(stat -c %s "$WORK/with.bin")
  without=$(stat -c %s "$WORK/without.bin")
  data=$(stat -c %s data/shiryo-3-2.txt)
  text=$("$WORK/t-size/release/with" | cut -d' ' -f1)
  echo "stripped release binary: with the crate $with bytes, without $without bytes"
  echo "the dataset adds $((with - without)) bytes:" \
    "$(echo "scale=2; ($with - $without) / $data" | bc)x data/shiryo-3-2.txt ($data bytes)," \
    "$(echo "scale=2; ($with - $without) / $text" | bc)x the records' text ($text bytes)"
  local with_en both
  with_en=$(stat -c %s "$WORK/with_en.bin")
  both=$("$WORK/t-size/release/with_en" | cut -d' ' -f1)
  echo "calling text_en() too: $with_en bytes; the English adds $((with_en - with)) bytes" \
    "(its text is $((both - text)) bytes)"
  command size -A "$WORK/t-size/release/with" >"$WORK/with.sections"
  command size -A "$WORK/t-size/release/without" >"$WORK/without.sections"
  echo "section growth:"
  join <(awk 'NF==3 && $1 ~ /^\./ {print $1, $2}' "$WORK/with.sections" | sort) \
       <(awk 'NF==3 && $1 ~ /^\./ {print $1, $2}' "$WORK/without.sections" | sort) \
    | awk '$2 != $3 {printf "  %-20s %+d\n", $1, $2 - $3}'
}

case "${1:-all}" in
  build) measure_build ;;
  size) measure_size ;;
  all) measure_build; measure_size ;;
  *) echo "usage: $0 [build|size]" >&2; exit 2 ;;
esac
