#!/usr/bin/env bash
# Runs the JMH micro-benchmarks of bench/jmh/: bench/jmh.sh [JMH options], for example
#   bench/jmh.sh Completeness
# They use the main and test classes (catalogs built without a database), so the tests are compiled
# first; JMH itself is fetched from Maven Central into target/, never part of the server.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
lib=target/bench/jmh-lib
mkdir -p "$lib"
for artifact in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
    net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
  mvn -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$lib" >/dev/null
done
mvn -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/jmh-classpath.txt >/dev/null
classpath="target/classes:target/test-classes:$(cat target/bench/jmh-classpath.txt):$(ls "$lib"/*.jar | tr '\n' ':')"
rm -rf target/bench/jmh-classes
javac -d target/bench/jmh-classes -cp "$classpath" $(find bench/jmh -name "*.java")
exec java -cp "target/bench/jmh-classes:$classpath" org.openjdk.jmh.Main "$@"
