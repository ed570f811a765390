#!/usr/bin/env bash
# Runs one benchmark: bench/run.sh <ProductBench|SearchBench|FeedBench|AssetBench|…> [options].
# Builds target/vitrine.jar (unless VITRINE_BENCH_NO_BUILD=1), compiles bench/*.java against the
# PostgreSQL driver and Commons CSV the server already uses, and runs the benchmark from the
# repository's root.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/run.sh <ProductBench|SearchBench> [options]" >&2; exit 2; }
if [ "${VITRINE_BENCH_NO_BUILD:-0}" != 1 ] || [ ! -f target/vitrine.jar ]; then
  mvn -q -DskipTests package
fi
# Tools from Debian some benchmarks measure with or against, installed when the machine lacks them.
need() {
  command -v "$1" >/dev/null && return
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
}
case "$1" in
  AssetBench) need mogrify imagemagick ;;  # the baseline (convert alone may be a stand-in script)
  ReadBench) need wrk wrk ;;               # the load: wrk, with a latency distribution
esac
mkdir -p target/bench
# The PostgreSQL driver for the baselines; Commons CSV (with the Commons IO and Codec it needs) for
# CatalogGenerator --vocabulary.
mvn -q dependency:build-classpath \
    -DincludeArtifactIds=postgresql,commons-csv,commons-io,commons-codec \
    -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
classpath="$(cat target/bench/classpath.txt)"
rm -rf target/bench/classes
javac -d target/bench/classes -cp "$classpath" bench/*.java
exec java -cp "target/bench/classes:$classpath" "$@"
