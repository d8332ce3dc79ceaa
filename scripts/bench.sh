#!/usr/bin/env bash
# `npm run bench`: measures the request path and the usage pipeline on this machine and prints one
# table (also written to .local/bench/result.json). See bench/main.ts for what each phase measures.
#
# 1. Starts (or reuses) Redis and the Mongo server with scripts/services.sh.
# 2. Compiles apps/, libs/ and bench/ with the repo's SWC config into .local/bench/dist, so that a
#    concurrent `npm run build` (which empties dist/) cannot pull files from under a running bench.
#    apps/ and libs/ come from the working tree, or from a git ref with BENCH_REF (e.g.
#    BENCH_REF=HEAD to measure "before" while the working tree holds "after"); bench/ always comes
#    from the working tree. Type checking stays with `npm run build`.
#    BENCH_BEFORE=<ref> also compiles that ref's apps and libs (with the working tree's bench/) into
#    .local/bench/before/dist, and the throughput rounds measure its API and bare app beside this
#    tree's: a before/after of a change in one run, on the same machine load.
# 3. Runs the bench; one bench at a time (it would otherwise measure itself).
#
# Knobs (environment): BENCH_REF, BENCH_BEFORE, BENCH_NODE_OPTIONS (node flags for every server, e.g.
# --cpu-prof --cpu-prof-dir=<dir>), BENCH_PHASES (all | peers: phases 1-3 | throughput: 1-2 | store: 5),
# BENCH_TARGETS (throughput targets to run, comma-separated: protected, protected-policies, bare,
# baseline, express, express-bare, fastify, fastify-bare, nest, nest-bare, protected@before,
# bare@before, protected-policies@before; and only when named: protected-burst,
# protected-api-window, protected-quota, protected-allow-list, protected-credits),
# BENCH_DURATION (s, default 5), BENCH_WARMUP (s, 2), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32),
# BENCH_USAGE_ACCOUNTS (8), BENCH_BURST_LIMIT (200), BENCH_BURST_FACTOR (5), BENCH_LOG_LEVEL (warn).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
OUT="$ROOT/.local/bench"
cd "$ROOT"
mkdir -p "$OUT"

if command -v flock >/dev/null 2>&1; then
  exec 8>"$OUT/.lock"
  flock -n 8 || { echo "bench: another bench is running" >&2; exit 1; }
fi

# 8>&-: a server that services.sh starts must not inherit (and so hold) the bench lock.
bash scripts/services.sh up 8>&-
eval "$(bash scripts/services.sh env)"

rm -rf "$OUT/dist" "$OUT/src"
if [[ -n ${BENCH_REF:-} ]]; then
  echo "bench: compiling apps and libs at $BENCH_REF ($(git rev-parse --short "$BENCH_REF")) and bench/ into $OUT/dist ..." >&2
  mkdir -p "$OUT/src"
  git archive "$BENCH_REF" apps libs | tar -x -C "$OUT/src"
  cp -R bench .swcrc "$OUT/src/"
  (cd "$OUT/src" && "$ROOT/node_modules/.bin/swc" apps libs bench -d "$OUT/dist" --config-file .swcrc --copy-files --quiet)
else
  echo "bench: compiling apps, libs and bench (working tree) into $OUT/dist ..." >&2
  npx swc apps libs bench -d "$OUT/dist" --config-file .swcrc --copy-files --quiet
fi

if [[ -n ${BENCH_BEFORE:-} ]]; then
  echo "bench: compiling apps and libs at $BENCH_BEFORE ($(git rev-parse --short "$BENCH_BEFORE")) into $OUT/before/dist (the 'before' targets) ..." >&2
  rm -rf "$OUT/before"
  mkdir -p "$OUT/before/src"
  git archive "$BENCH_BEFORE" apps libs | tar -x -C "$OUT/before/src"
  cp -R bench .swcrc "$OUT/before/src/"
  (cd "$OUT/before/src" && "$ROOT/node_modules/.bin/swc" apps libs bench -d "$OUT/before/dist" --config-file .swcrc --copy-files --quiet)
  export BENCH_BEFORE_DIST="$OUT/before/dist"
fi

# The servers' stdout/stderr go to $OUT/logs; services keep running afterwards (npm run services down).
# Not exec'd: this shell keeps the lock, and the bench and its servers never see it.
node "$OUT/dist/bench/main.js" 8>&-
