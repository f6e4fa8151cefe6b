#!/usr/bin/env bash
# The test suite on a busy machine: `npm test` N times in a row (default 3) while stress-ng keeps
# every core busy beside it. Each run's log goes to .data/busy-runs/; stops at the first failure.
# Needs Debian's stress-ng (installed when missing) and what `npm test` needs (README, Tests).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
command -v stress-ng >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null; }
mkdir -p .data/busy-runs

stress-ng --cpu "$(nproc)" --timeout 0 --quiet &
hog=$!
trap 'kill $hog 2>/dev/null || true' EXIT
echo "busy: stress-ng --cpu $(nproc) running (pid $hog)"

for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  if npm test >".data/busy-runs/run-$run.log" 2>&1; then
    echo "busy: run $run/$runs passed in $(( $(date +%s) - started )) s"
  else
    echo "busy: run $run/$runs FAILED after $(( $(date +%s) - started )) s; see .data/busy-runs/run-$run.log"
    exit 1
  fi
done
