package io.vipd.lab;

import io.vipd.net.EchoReply;
import java.util.List;
import java.util.Optional;

/**
 * What a client saw while a VIP moved from one host to another: the time from the last reply from the old
 * MAC to the first reply from the new MAC, and the largest gap between any two replies up to that point.
 *
 * @param lastOldNanos when the last reply from the old MAC arrived ({@link System#nanoTime()})
 * @param firstNewNanos when the first reply from the new MAC arrived
 * @param largestGapNanos the largest time between two consecutive replies, from the first reply
 *     considered to {@code firstNewNanos}
 */
public record Outage(long lastOldNanos, long firstNewNanos, long largestGapNanos) {

  /**
   * Finds the switch in {@code replies} (in arrival order): the first reply from {@code newMac} that
   * follows a reply from {@code oldMac}. Empty when there is no such switch.
   */
  public static Optional<Outage> of(List<EchoReply> replies, String oldMac, String newMac) {
    long lastOld = Long.MIN_VALUE;
    long previous = Long.MIN_VALUE;
    long largestGap = 0;
    for (EchoReply reply : replies) {
      if (previous != Long.MIN_VALUE) {
        largestGap = Math.max(largestGap, reply.nanos() - previous);
      }
      previous = reply.nanos();
      if (reply.sourceMac().equalsIgnoreCase(oldMac)) {
        lastOld = reply.nanos();
      } else if (reply.sourceMac().equalsIgnoreCase(newMac) && lastOld != Long.MIN_VALUE) {
        return Optional.of(new Outage(lastOld, reply.nanos(), largestGap));
      }
    }
    return Optional.empty();
  }

  /** Last reply from the old MAC to the first from the new one, in milliseconds. */
  public double millis() {
    return (firstNewNanos - lastOldNanos) / 1e6;
  }

  public double largestGapMillis() {
    return largestGapNanos / 1e6;
  }
}
