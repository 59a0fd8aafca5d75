package io.vipd.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in vipd's YAML, for the daemon and plugins alike: {@code 100ms}, {@code 1s},
 * {@code 2.5s}, {@code 1m}, {@code 1h}, {@code 0}.
 */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message fit for a configuration problem
   */
  public static Duration parse(String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "must be a duration like `100ms`, `1s`, `2.5s` or `1m`, got `" + text + "`");
    }
    BigDecimal amount = new BigDecimal(matcher.group(1));
    String unit = matcher.group(2);
    if (unit.isEmpty()) {
      if (amount.signum() == 0) {
        return Duration.ZERO;
      }
      throw new IllegalArgumentException(
          "needs a unit (ms, s, m or h), e.g. `" + matcher.group(1) + "s`, got `" + text + "`");
    }
    BigDecimal millisPerUnit =
        switch (unit) {
          case "ms" -> BigDecimal.ONE;
          case "s" -> BigDecimal.valueOf(1_000);
          case "m" -> BigDecimal.valueOf(60_000);
          case "h" -> BigDecimal.valueOf(3_600_000);
          default -> throw new IllegalArgumentException(
              "unknown unit `" + unit + "` in `" + text + "`; use ms, s, m or h");
        };
    BigDecimal millis = amount.multiply(millisPerUnit);
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("must be a whole number of milliseconds, got `" + text + "`");
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  /** The shortest YAML spelling of {@code duration}: {@code 100ms}, {@code 1s}, {@code 2.5s}, {@code 1m}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis >= 1_000) {
      return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
    return millis + "ms";
  }
}
