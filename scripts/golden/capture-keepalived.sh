#!/usr/bin/env bash
# Captures VRRP adverts sent by a real keepalived and writes them as golden vectors for the codec tests
# (ha-core/src/test/resources/golden/*.hex). Needs root, keepalived, tcpdump, iproute2.
#
# Topology, all inside namespaces this script creates and removes:
#   <prefix>-ka  (keepalived, veth "ka0", 10.99.77.1/24, fe80::99:1, fd99::1/64)
#        |  veth pair, created inside the namespaces: the host's interfaces are never touched
#   <prefix>-cap (tcpdump, veth "cap0", 10.99.77.2/24)
#
# Usage: scripts/golden/capture-keepalived.sh [output-dir]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${1:-$ROOT/ha-core/src/test/resources/golden}"
PACKETS=3
SUFFIX="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
NS_KA="vipdgold-${SUFFIX}-ka"
NS_CAP="vipdgold-${SUFFIX}-cap"
WORK="$(mktemp -d /tmp/vipd-golden.XXXXXX)"
KA_PID=""
TCPDUMP_PID=""

cleanup() {
  set +e
  [[ -n "$TCPDUMP_PID" ]] && kill "$TCPDUMP_PID" 2>/dev/null
  stop_keepalived
  ip netns del "$NS_KA" 2>/dev/null
  ip netns del "$NS_CAP" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_keepalived() {
  [[ -z "$KA_PID" ]] && return 0
  kill "$KA_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$KA_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$KA_PID" 2>/dev/null || true
  # the VRRP child exits with its parent; SIGKILL it by its own pid file if it lingers
  if [[ -s "$WORK/vrrp.pid" ]]; then kill -9 "$(cat "$WORK/vrrp.pid")" 2>/dev/null || true; fi
  wait "$KA_PID" 2>/dev/null || true
  KA_PID=""
}

for tool in keepalived tcpdump ip; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
[[ $EUID -eq 0 ]] || { echo "needs root (network namespaces)" >&2; exit 1; }

ip netns add "$NS_KA"
ip netns add "$NS_CAP"
ip -n "$NS_KA" link add ka0 type veth peer name cap0 netns "$NS_CAP"
for ns in "$NS_KA" "$NS_CAP"; do
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  ip -n "$ns" link set lo up
done
# fixed link-local addresses so the IPv6 fixtures do not depend on a random MAC
ip -n "$NS_KA" link set ka0 addrgenmode none
ip -n "$NS_CAP" link set cap0 addrgenmode none
ip -n "$NS_KA" addr add 10.99.77.1/24 dev ka0
ip -n "$NS_KA" addr add fe80::99:1/64 dev ka0 nodad
ip -n "$NS_KA" addr add fd99::1/64 dev ka0 nodad
ip -n "$NS_CAP" addr add 10.99.77.2/24 dev cap0
ip -n "$NS_CAP" addr add fe80::99:2/64 dev cap0 nodad
ip -n "$NS_KA" link set ka0 up
ip -n "$NS_CAP" link set cap0 up

# capture NAME VERSION; reads the vrrp_instance body from stdin
capture() {
  local name="$1" version="$2"
  local conf="$WORK/$name.conf" pcap="$WORK/$name.pcap"
  {
    cat <<CONF
global_defs {
  router_id vipd-golden
  vrrp_version $version
  vrrp_garp_master_delay 0
  vrrp_garp_master_repeat 1
}
vrrp_instance golden {
  state MASTER
  interface ka0
CONF
    cat
    echo "}"
  } >"$conf"

  ip netns exec "$NS_CAP" tcpdump -i cap0 -n -U -w "$pcap" -c "$PACKETS" 'ip proto 112 or ip6 proto 112' \
    2>"$WORK/$name.tcpdump.log" &
  TCPDUMP_PID=$!
  # tcpdump prints "listening on" once the capture is open
  for _ in $(seq 50); do grep -q listening "$WORK/$name.tcpdump.log" && break; sleep 0.1; done

  rm -f "$WORK/keepalived.pid" "$WORK/vrrp.pid"
  ip netns exec "$NS_KA" keepalived -n -l -D -G --vrrp -f "$conf" \
    -p "$WORK/keepalived.pid" -r "$WORK/vrrp.pid" >"$WORK/$name.keepalived.log" 2>&1 &
  KA_PID=$!

  local deadline=$((SECONDS + 20))
  while kill -0 "$TCPDUMP_PID" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      echo "timed out waiting for $PACKETS adverts ($name); keepalived log:" >&2
      cat "$WORK/$name.keepalived.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  wait "$TCPDUMP_PID" || true
  TCPDUMP_PID=""
  stop_keepalived

  write_fixture "$name" "$version" "$conf" "$pcap"
}

# write_fixture NAME VERSION CONF PCAP: the first captured advert as IP fields + VRRP hex
write_fixture() {
  local name="$1" version="$2" conf="$3" pcap="$4"
  local packet fields=() count distinct
  # -x prints each packet from the IP header on, as hex; join each packet onto one line
  while read -r packet; do
    fields+=("$(split_packet "$packet")")
  done < <(tcpdump -r "$pcap" -n -x 2>/dev/null | awk '
    /^[^\t ]/ { if (hex != "") print hex; hex = ""; next }
    { for (i = 2; i <= NF; i++) hex = hex $i }
    END { if (hex != "") print hex }')
  count="${#fields[@]}"
  ((count > 0)) || { echo "no packet captured for $name" >&2; exit 1; }
  distinct="$(printf '%s\n' "${fields[@]}" | sort -u | wc -l)"

  local src dst ttl vrrp
  read -r src dst ttl vrrp <<<"${fields[0]}"
  {
    echo "# VRRPv$version advert captured from $(keepalived --version 2>&1 | head -n1)"
    echo "# by scripts/golden/capture-keepalived.sh: $count adverts captured, $distinct distinct (IP src/dst/TTL + VRRP)."
    echo "# keepalived.conf:"
    sed 's/^/#   /' "$conf"
    echo "source=$src"
    echo "destination=$dst"
    echo "ttl=$ttl"
    echo "vrrp=$vrrp"
  } >"$OUT/$name.hex"
  echo "wrote $OUT/$name.hex: $src -> $dst ttl $ttl vrrp $vrrp"
}

# split_packet HEX: prints "source destination ttl vrrp-hex" of one IPv4 or IPv6 packet
split_packet() {
  local p="$1"
  if [[ "${p:0:1}" == 4 ]]; then
    local ihl=$((16#${p:1:1} * 4))
    echo "$(hex_to_ipv4 "${p:24:8}") $(hex_to_ipv4 "${p:32:8}") $((16#${p:16:2})) ${p:$((ihl * 2))}"
  else
    echo "$(hex_to_ipv6 "${p:16:32}") $(hex_to_ipv6 "${p:48:32}") $((16#${p:14:2})) ${p:80}"
  fi
}

hex_to_ipv4() {
  local h="$1"
  printf '%d.%d.%d.%d' $((16#${h:0:2})) $((16#${h:2:2})) $((16#${h:4:2})) $((16#${h:6:2}))
}

# full (uncompressed) form; the tests parse it with InetAddress
hex_to_ipv6() {
  local h="$1" out="" i
  for i in 0 4 8 12 16 20 24 28; do out+="${h:$i:4}:"; done
  echo "${out%:}"
}

mkdir -p "$OUT"

capture v2-ipv4 2 <<'CONF'
  virtual_router_id 51
  priority 100
  advert_int 1
  virtual_ipaddress {
    10.99.77.100/24
  }
CONF

capture v2-ipv4-auth-pass 2 <<'CONF'
  virtual_router_id 52
  priority 150
  advert_int 1
  authentication {
    auth_type PASS
    auth_pass secret12
  }
  virtual_ipaddress {
    10.99.77.101/24
    10.99.77.102/24
  }
CONF

capture v3-ipv4 3 <<'CONF'
  virtual_router_id 53
  priority 100
  advert_int 1
  virtual_ipaddress {
    10.99.77.103/24
  }
CONF

capture v3-ipv4-three-vips 3 <<'CONF'
  virtual_router_id 54
  priority 200
  advert_int 0.5
  virtual_ipaddress {
    10.99.77.104/24
    10.99.77.105/24
    10.99.77.106/24
  }
CONF

capture v3-ipv6 3 <<'CONF'
  virtual_router_id 55
  priority 100
  advert_int 1
  virtual_ipaddress {
    fd99::55/64
  }
CONF
