package io.vipd.lab.bench;

import io.vipd.vrrp.VrrpTimers;
import java.time.Duration;

/**
 * The VRRP version and advert interval of one benchmark setting, and the timers of the backup (the node
 * that takes over) under it, for reference next to the measured outages.
 */
public record BenchSetting(int version, Duration advertInterval) {
  /** VRRPv2 with the usual 1 s adverts. */
  public static final BenchSetting V2_1S = new BenchSetting(2, Duration.ofSeconds(1));
  /** VRRPv3 with 100 ms adverts. */
  public static final BenchSetting V3_100MS = new BenchSetting(3, Duration.ofMillis(100));

  /** Parses {@code v2-1s} or {@code v3-100ms} (any version and millisecond interval: {@code v3-250ms}). */
  public static BenchSetting parse(String text) {
    var matcher = java.util.regex.Pattern.compile("v([23])-(\\d+)(ms|s)").matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("a setting looks like v2-1s or v3-100ms, not " + text);
    }
    long amount = Long.parseLong(matcher.group(2));
    Duration interval = matcher.group(3).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    return new BenchSetting(Integer.parseInt(matcher.group(1)), interval);
  }

  public String label() {
    long millis = advertInterval.toMillis();
    return "v" + version + " " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
  }

  /** RFC 5798 section 6.1 Skew_Time of a backup with this priority. */
  public Duration skewTime(int priority) {
    return VrrpTimers.skewTime(version, priority, centis());
  }

  /** RFC 5798 section 6.1 Master_Down_Interval of a backup with this priority. */
  public Duration masterDownInterval(int priority) {
    return VrrpTimers.masterDownInterval(version, priority, centis());
  }

  private int centis() {
    return (int) (advertInterval.toMillis() / 10);
  }
}
