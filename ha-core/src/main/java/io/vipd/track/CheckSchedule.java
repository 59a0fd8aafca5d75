package io.vipd.track;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how patiently a check runs.
 *
 * @param interval time between two probes (keepalived {@code interval})
 * @param timeout how long one probe may take before it counts as DOWN (keepalived {@code timeout})
 * @param rise consecutive results needed to move to a better status (keepalived {@code rise})
 * @param fall consecutive results needed to move to a worse status (keepalived {@code fall})
 */
public record CheckSchedule(Duration interval, Duration timeout, int rise, int fall) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_RISE = 1;
  public static final int DEFAULT_FALL = 1;

  public CheckSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (interval.toMillis() < 1 || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("interval and timeout must be at least 1 ms");
    }
    if (rise < 1 || fall < 1) {
      throw new IllegalArgumentException("rise and fall must be at least 1");
    }
  }

  /** keepalived's defaults for a track script with this interval and timeout. */
  public static CheckSchedule of(Duration interval, Duration timeout) {
    return new CheckSchedule(interval, timeout, DEFAULT_RISE, DEFAULT_FALL);
  }
}
