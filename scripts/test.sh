#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs `mvn verify`.
# Namespace, MariaDB and keepalived tests need root; under CI=true they fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/ensure-packages.sh
# adduser and systemd: DebianPackageIT installs the built .deb (it depends on adduser) and runs
# systemd-analyze verify on its unit; systemd need not be running.
ensure_packages openjdk-17-jdk-headless maven iproute2 iputils-ping libpcap0.8 tcpdump \
  keepalived mariadb-server mariadb-client nftables procps adduser systemd

exec mvn -B -ntp verify "$@"
