package io.vipd.vrrp;

import java.time.Duration;

/**
 * The VRRP timer formulas, in integer centiseconds exactly as the RFCs define them, returned as
 * {@link Duration}s.
 *
 * <p>VRRPv3 (RFC 5798 section 6.1) derives Skew_Time from Master_Adver_Interval, which a backup learns
 * from the master's adverts. VRRPv2 (RFC 3768 section 6.1) uses a skew of {@code (256 - Priority) / 256}
 * seconds whatever the interval, and every router of a group must be configured with the same interval.
 */
public final class VrrpTimers {

  /** Centiseconds in one second: the VRRPv2 skew base and the v2 interval unit. */
  public static final int CENTIS_PER_SECOND = 100;

  private static final long NANOS_PER_CENTI = 10_000_000L;

  private VrrpTimers() {}

  /**
   * Skew_Time: how much later than the best candidate a backup of this priority declares the master
   * down.
   *
   * <ul>
   *   <li>v3 (RFC 5798 section 6.1): {@code ((256 - Priority) * Master_Adver_Interval) / 256}
   *   <li>v2 (RFC 3768 section 6.1): {@code (256 - Priority) / 256} seconds
   * </ul>
   *
   * @param version 2 or 3
   * @param priority our effective priority, 1..255
   * @param masterAdverIntervalCentis v3: the interval learned from the master; ignored by v2
   */
  public static Duration skewTime(int version, int priority, int masterAdverIntervalCentis) {
    int base = version == 2 ? CENTIS_PER_SECOND : masterAdverIntervalCentis;
    return centis(((256L - priority) * base) / 256);
  }

  /**
   * Master_Down_Interval: how long a backup waits without hearing the master before taking over,
   * {@code 3 * Master_Adver_Interval + Skew_Time} (RFC 5798 section 6.1; RFC 3768 section 6.1 with
   * the configured Advertisement_Interval).
   */
  public static Duration masterDownInterval(int version, int priority, int masterAdverIntervalCentis) {
    return centis(3L * masterAdverIntervalCentis).plus(skewTime(version, priority, masterAdverIntervalCentis));
  }

  /** A duration of whole centiseconds. */
  public static Duration centis(long centis) {
    return Duration.ofNanos(centis * NANOS_PER_CENTI);
  }

  /**
   * Converts the Max Adver Int field of a packet to centiseconds: v2 carries whole seconds
   * (RFC 3768 section 5.3.7), v3 centiseconds (RFC 5798 section 5.2.7).
   */
  public static int wireIntervalToCentis(int version, int wireInterval) {
    return version == 2 ? wireInterval * CENTIS_PER_SECOND : wireInterval;
  }

  /** The other way: an interval in centiseconds as the packet's Max Adver Int field. */
  public static int centisToWireInterval(int version, int centis) {
    return version == 2 ? centis / CENTIS_PER_SECOND : centis;
  }
}
