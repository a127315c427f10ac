#!/usr/bin/env bash
# Draws src/ch06/profile-flamegraph.svg: a CPU profile of this chapter's `profile` example.
# Needs Linux `perf` (Debian: linux-perf) and inferno (`cargo install inferno`).
#   solutions/chapter6/flamegraph.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# A release build with symbols (names in the stacks) and frame pointers (whole stacks), in a
# target folder of its own so that the flags do not force a rebuild of the usual one.
export CARGO_TARGET_DIR=target/flamegraph
CARGO_PROFILE_RELEASE_DEBUG=true RUSTFLAGS="-C force-frame-pointers=yes" \
  cargo build --release -p chapter6-solution --example profile
data=$(mktemp -d)
perf record --quiet -F 997 --call-graph fp -o "$data/perf.data" -- "$CARGO_TARGET_DIR/release/examples/profile"
perf script -i "$data/perf.data" 2>/dev/null | inferno-collapse-perf > "$data/stacks.folded"
inferno-flamegraph --title "cargo run --release -p chapter6-solution --example profile" \
  --width 960 < "$data/stacks.folded" > src/ch06/profile-flamegraph.svg
rm -r "$data"
echo "wrote src/ch06/profile-flamegraph.svg"
