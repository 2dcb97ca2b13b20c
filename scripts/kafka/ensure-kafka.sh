#!/usr/bin/env bash
# Resolves the Kafka broker's jars from Maven Central into .cache/kafka-libs (git-ignored) when
# that folder is missing or incomplete, then prints the folder. Needs Java 17+ and Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
libs="$root/.cache/kafka-libs"
if [ ! -f "$libs/.complete" ]; then
  echo "Resolving the Kafka broker classpath with Maven into $libs…" >&2
  rm -rf "$libs"
  mvn -B -q -f "$root/scripts/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" >&2
  if ! jar tf "$libs"/kafka_2.13-*.jar | grep -c 'kafka/tools/StorageTool.class' >/dev/null; then
    echo "kafka_2.13 jar without kafka.tools.StorageTool in $libs" >&2
    exit 1
  fi
  touch "$libs/.complete"
fi
echo "$libs"
