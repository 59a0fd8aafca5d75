package io.vipd.plugins.exec;

import io.vipd.api.PluginConfigException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads typed values out of a plugin's YAML mapping, collecting problems instead of stopping at the first. */
final class ConfigValues {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  private ConfigValues() {}

  /**
   * A duration written as milliseconds ({@code 2500}) or with a unit ({@code 500ms}, {@code 5s},
   * {@code 1m}); {@code fallback} when absent, null (with a problem added) when malformed.
   */
  static Duration duration(
      Object value, String path, Duration fallback, List<PluginConfigException.Problem> problems) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number && number.longValue() > 0) {
      return Duration.ofMillis(number.longValue());
    }
    Matcher m = DURATION.matcher(String.valueOf(value).trim());
    if (m.matches() && Long.parseLong(m.group(1)) > 0) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      };
    }
    problems.add(
        new PluginConfigException.Problem(
            path, "must be a positive duration such as 500ms, 5s or 1m, got '" + value + "'"));
    return null;
  }
}
