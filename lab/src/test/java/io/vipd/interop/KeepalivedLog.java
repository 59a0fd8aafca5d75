package io.vipd.interop;

import java.util.List;
import java.util.regex.Pattern;

/**
 * keepalived's log lines that say it disliked a VRRP packet it received. The wording is keepalived 2.2's
 * ({@code keepalived/vrrp/vrrp.c}, {@code vrrp_check_packet} and the state handlers); each line is prefixed
 * with {@code (VI_1)}.
 */
final class KeepalivedLog {
  private static final Pattern COMPLAINT = Pattern.compile(String.join("|",
      "vrrp packet too (short|long)",
      "invalid TTL/HL",
      "TTL/HL \\d+ not in range",
      "wrong version",
      "Invalid packet type",
      "Invalid VRRPv[23] checksum",
      "Setting unicast VRRPv3 checksum to old version",
      "received an unexpected ip number count",
      "expected \\d+ VIPs but received",
      "ip_tot_len mismatch",
      "advertisement interval mismatch",
      "advertisement interval updated from",
      "received a \\d+ auth",
      "received an invalid passwd",
      "Invalid auth type",
      "AH header",
      "Expected \\w+icast packet",
      "discarding \\w+icast packet",
      "equal priority advert received from remote host with our IP address"));

  private KeepalivedLog() {}

  static List<String> complaints(String log) {
    return log.lines().filter(line -> COMPLAINT.matcher(line).find()).toList();
  }
}
