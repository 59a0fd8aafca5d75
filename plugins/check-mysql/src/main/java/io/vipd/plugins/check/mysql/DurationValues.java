package io.vipd.plugins.check.mysql;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written in the YAML as {@code 500ms}, {@code 2s}, {@code 1m} or a bare number of seconds. */
final class DurationValues {

  private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

  private DurationValues() {}

  /**
   * Parses {@code value} (a {@link Number} of seconds or a string such as {@code 2s}).
   *
   * @throws IllegalArgumentException saying what is accepted, when {@code value} is none of those or negative
   */
  static Duration parse(Object value) {
    if (value instanceof Number number) {
      return ofSeconds(number.doubleValue());
    }
    if (value instanceof String text) {
      Matcher m = TEXT.matcher(text.trim());
      if (m.matches()) {
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofNanos(Math.round(amount * 1_000_000));
          case "m" -> ofSeconds(amount * 60);
          default -> ofSeconds(amount);
        };
      }
    }
    throw new IllegalArgumentException("expected a duration such as 500ms, 2s or 1m, got '" + value + "'");
  }

  /** {@code 1.5s}, {@code 250ms}: how durations appear in messages. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis >= 1000 ? String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0) : millis + "ms";
  }

  private static Duration ofSeconds(double seconds) {
    if (seconds < 0 || Double.isNaN(seconds)) {
      throw new IllegalArgumentException("a duration cannot be negative");
    }
    return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
  }
}
