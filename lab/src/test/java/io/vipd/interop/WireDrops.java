package io.vipd.interop;

import io.vipd.vrrp.DropReason;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** vipd's debug log lines about dropped packets whose reason means vipd and its peer disagree on the wire. */
final class WireDrops {
  /** Every syntax drop, and the protocol drops that a correctly configured peer never causes. */
  private static final EnumSet<DropReason> WIRE_DISAGREEMENTS = EnumSet.of(DropReason.BAD_TTL,
      DropReason.AUTH_MISMATCH, DropReason.INTERVAL_MISMATCH, DropReason.VERSION_MISMATCH, DropReason.WRONG_VRID);

  static {
    Arrays.stream(DropReason.values()).filter(DropReason::isSyntax).forEach(WIRE_DISAGREEMENTS::add);
  }

  private static final Pattern WIRE_DROP = Pattern.compile("dropped (packet from \\S+|advert): ("
      + WIRE_DISAGREEMENTS.stream().map(DropReason::label).collect(Collectors.joining("|")) + ") ");

  private WireDrops() {}

  static List<String> wireDrops(String log) {
    return log.lines().filter(line -> WIRE_DROP.matcher(line).find()).toList();
  }

  /** Lines of drops for {@code reason}. */
  static List<String> drops(String log, DropReason reason) {
    return log.lines().filter(line -> line.contains("dropped") && line.contains(": " + reason.label() + " ")).toList();
  }
}
