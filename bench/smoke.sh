#!/usr/bin/env bash
# Every benchmark scenario at the small size, with short bounds and no thresholds: a check that the
# benchmarks still run against the code as it is, so they never rot. .ci/run runs it after the
# tests. Figures go to target/bench/smoke-results, not to bench/results: a smoke run on a busy CI
# machine is no measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
export VITRINE_BENCH_RESULTS=target/bench/smoke-results
# mvn verify has just built target/vitrine.jar; build it only when it is missing.
export VITRINE_BENCH_NO_BUILD=1

step() {
  echo
  echo "=== bench smoke: $*"
  local started=$SECONDS
  bench/run.sh "$@"
  echo "=== bench smoke: $* passed in $((SECONDS - started)) s"
}

step import small
step import small --database postgres
step read small --warmup 3 --seconds 3
step search small --smoke
step completeness small
step publish small --rounds 1
# The real photos are not in a clone; the sample catalog's pictures are.
step assets --photos assets-sample/images --rounds 1
step startup small --read-seconds 5
echo
echo "Every benchmark scenario ran at the small size; figures in $VITRINE_BENCH_RESULTS"
