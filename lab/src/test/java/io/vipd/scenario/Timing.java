package io.vipd.scenario;

import io.vipd.vrrp.VrrpTimers;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The advert timing a scenario runs at: VRRP version and advert interval, with the RFC timer values the
 * assertions are bounded by.
 */
record Timing(int version, Duration interval) {
  static final Timing V2_1S = new Timing(2, Duration.ofSeconds(1));
  static final Timing V3_100MS = new Timing(3, Duration.ofMillis(100));
  static final Timing V3_1S = new Timing(3, Duration.ofSeconds(1));

  /** The two timings every failover scenario runs at: keepalived's classic default and a fast v3 set-up. */
  static Stream<Timing> classicAndFast() {
    return Stream.of(V2_1S, V3_100MS);
  }

  /** IPv6 needs VRRPv3: its slow and fast intervals. */
  static Stream<Timing> ipv6() {
    return Stream.of(V3_1S, V3_100MS);
  }

  int intervalCentis() {
    return (int) (interval.toMillis() / 10);
  }

  /** RFC 5798 section 6.1 Master_Down_Interval of a backup with {@code priority}. */
  Duration masterDownInterval(int priority) {
    return VrrpTimers.masterDownInterval(version, priority, intervalCentis());
  }

  /** RFC 5798 section 6.1 Skew_Time of a backup with {@code priority}. */
  Duration skewTime(int priority) {
    return VrrpTimers.skewTime(version, priority, intervalCentis());
  }

  /**
   * A generous deadline for something that takes one Master_Down_Interval: twice that, plus slack for
   * a loaded two-core machine running several JVMs.
   */
  Duration failoverDeadline(int backupPriority) {
    return masterDownInterval(backupPriority).multipliedBy(2).plus(JVM_SLACK);
  }

  /**
   * How soon after a graceful stop the backup must have taken over: before the earliest moment an
   * expired Master_Down_Timer could explain it (MDI minus one interval, as the last advert may precede
   * the stop by one interval) at 1 s, and within one MDI at sub-second intervals, where JVM jitter is
   * of the same order.
   */
  Duration handoverBound(int backupPriority) {
    Duration mdi = masterDownInterval(backupPriority);
    return interval.toMillis() >= 1000 ? mdi.minus(interval) : mdi;
  }

  /** Both JVMs started and the first master elected (one MDI, or a preemption after it). */
  Duration startupDeadline(int backupPriority) {
    return failoverDeadline(backupPriority).plus(JVM_SLACK);
  }

  /** Start-up of a vipd JVM (class loading, Vert.x, netlink) on a busy machine. */
  static final Duration JVM_SLACK = Duration.ofSeconds(3);

  @Override
  public String toString() {
    return "v" + version + "/" + (interval.toMillis() >= 1000 ? interval.toSeconds() + "s" : interval.toMillis() + "ms");
  }
}
