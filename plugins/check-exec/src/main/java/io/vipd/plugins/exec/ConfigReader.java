package io.vipd.plugins.exec;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads typed values out of a plugin's config mapping, collecting every problem instead of stopping at the first. */
final class ConfigReader {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private final JsonObject config;
  private final List<Problem> problems = new ArrayList<>();

  ConfigReader(JsonObject config, Set<String> knownKeys) {
    this.config = config == null ? new JsonObject() : config;
    for (String key : this.config.fieldNames()) {
      if (!knownKeys.contains(key)) {
        problems.add(new Problem(key, "unknown key (known: " + String.join(", ", knownKeys.stream().sorted().toList()) + ")"));
      }
    }
  }

  String requiredString(String key) {
    String value = optionalString(key);
    if (value == null && !config.containsKey(key)) {
      problems.add(new Problem(key, "is required"));
    }
    return value;
  }

  String optionalString(String key) {
    Object value = config.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      problems.add(new Problem(key, "must be a non-empty string"));
      return null;
    }
    return text;
  }

  int requiredInt(String key, int min, int max) {
    Object value = config.getValue(key);
    if (value == null) {
      problems.add(new Problem(key, "is required"));
      return min;
    }
    if (!(value instanceof Number number) || number.doubleValue() != number.intValue()
        || number.intValue() < min || number.intValue() > max) {
      problems.add(new Problem(key, "must be an integer from " + min + " to " + max));
      return min;
    }
    return number.intValue();
  }

  /** A duration written like the rest of the YAML ({@code 250ms}, {@code 2s}, {@code 2.5s}, {@code 1m}); null when absent. */
  Duration optionalDuration(String key) {
    Object value = config.getValue(key);
    if (value == null) {
      return null;
    }
    Matcher m = value instanceof String text ? DURATION.matcher(text.trim()) : null;
    if (m == null || !m.matches()) {
      problems.add(new Problem(key, "must be a positive duration such as 250ms, 2s, 2.5s or 1m"));
      return null;
    }
    BigDecimal perUnit = switch (m.group(2)) {
      case "ms" -> BigDecimal.ONE;
      case "s" -> BigDecimal.valueOf(1_000);
      case "m" -> BigDecimal.valueOf(60_000);
      default -> BigDecimal.valueOf(3_600_000);
    };
    BigDecimal millis = new BigDecimal(m.group(1)).multiply(perUnit);
    if (millis.signum() <= 0 || millis.stripTrailingZeros().scale() > 0) {
      problems.add(new Problem(key, "must be a positive whole number of milliseconds"));
      return null;
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  /** The raw value, for keys that accept several shapes. */
  Object raw(String key) {
    return config.getValue(key);
  }

  Integer optionalInt(String key, int min, int max) {
    return config.getValue(key) == null ? null : requiredInt(key, min, max);
  }

  void problem(String key, String message) {
    problems.add(new Problem(key, message));
  }

  /** Throws when any problem was found. */
  void done() throws PluginConfigException {
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
  }
}
