#!/usr/bin/env bash
# The README's demo command: builds vipd if needed and runs `vipd demo` (two nodes and a client in
# network namespaces of its own; a VIP moving between them). Needs root and iproute2.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/ensure-packages.sh
ensure_packages openjdk-17-jdk-headless maven iproute2

dist=$(ls -d dist/target/vipd-*/vipd-* 2>/dev/null | head -n 1 || true)
# bin/vipd keeps its source's mtime; the jar is as new as the build
if [ -z "$dist" ] || [ -n "$(find ha-api ha-core lab plugins dist -newer "$(ls "$dist"/lib/ha-core-*.jar)" \( -name '*.java' -o -name pom.xml \) 2>/dev/null | head -n 1)" ]; then
  echo "building vipd (mvn package, tests skipped)..."
  mvn -B -q -ntp -Dstyle.color=never -DskipTests package
  dist=$(ls -d dist/target/vipd-*/vipd-* | head -n 1)
fi
exec "$dist/bin/vipd" demo "$@"
