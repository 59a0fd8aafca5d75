#!/usr/bin/env bash
# The README's demo command: builds vipd if needed and runs `vipd demo` (two nodes and a client in
# network namespaces of its own; a VIP moving between them). Needs root and iproute2.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/ensure-packages.sh
ensure_packages openjdk-17-jdk-headless maven iproute2 iputils-ping

dist=$(ls -d dist/target/vipd-*/vipd-* 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ] || [ -n "$(find ha-api ha-core plugins dist -newer "$dist/bin/vipd" -name '*.java' -o -newer "$dist/bin/vipd" -name pom.xml 2>/dev/null | head -n 1)" ]; then
  echo "building vipd (mvn package, tests skipped)..."
  mvn -B -q -ntp -DskipTests package
  dist=$(ls -d dist/target/vipd-*/vipd-* | head -n 1)
fi
exec "$dist/bin/vipd" demo "$@"
