# Sourced by bench/*: sets $dist to the unpacked distribution, building it first (tests skipped) when any
# source or POM is newer than its daemon jar.
dist=$(ls -d dist/target/vipd-*/vipd-* 2>/dev/null | head -n 1 || true)
# bin/vipd keeps its source's mtime; the jar is as new as the build
if [ -z "$dist" ] || [ -n "$(find ha-api ha-core lab plugins -newer "$(ls "$dist"/lib/ha-core-*.jar)" \( -name '*.java' -o -name pom.xml \) 2>/dev/null | head -n 1)" ]; then
  echo "building vipd (mvn package, tests skipped)..." >&2
  mvn -B -q -ntp -Dstyle.color=never -DskipTests package >&2
  dist=$(ls -d dist/target/vipd-*/vipd-* | head -n 1)
fi
