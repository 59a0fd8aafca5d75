package io.vipd.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException.Problem;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of a plugin's settings, collecting every problem instead of stopping at the
 * first, so a factory reports them all at once:
 *
 * <pre>{@code
 * SettingsReader settings = new SettingsReader(config, Set.of("host", "port", "connect-timeout"));
 * String host = settings.requiredString("host");
 * int port = settings.requiredInt("port", 1, 65535);
 * Duration connectTimeout = settings.optionalDuration("connect-timeout");
 * settings.done(); // throws PluginConfigException listing every problem
 * }</pre>
 *
 * Durations use the daemon's syntax ({@link Durations}); unknown keys are problems, so a typo never
 * silently disables a setting.
 */
public final class SettingsReader {
  private final JsonObject config;
  private final List<Problem> problems = new ArrayList<>();

  public SettingsReader(JsonObject config, Set<String> knownKeys) {
    this.config = config == null ? new JsonObject() : config;
    for (String key : this.config.fieldNames()) {
      if (!knownKeys.contains(key)) {
        problems.add(new Problem(key, "unknown key (known: " + String.join(", ", knownKeys.stream().sorted().toList()) + ")"));
      }
    }
  }

  /** The raw value, for keys that accept several shapes; null when absent. */
  public Object raw(String key) {
    return config.getValue(key);
  }

  public String requiredString(String key) {
    String value = optionalString(key);
    if (value == null && !config.containsKey(key)) {
      problems.add(new Problem(key, "is required"));
    }
    return value;
  }

  /** A non-blank string; null when absent. */
  public String optionalString(String key) {
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

  public int requiredInt(String key, int min, int max) {
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

  /** An integer within [min, max]; null when absent. */
  public Integer optionalInt(String key, int min, int max) {
    return config.getValue(key) == null ? null : requiredInt(key, min, max);
  }

  /** A number within [min, max]; null when absent. */
  public Double optionalNumber(String key, double min, double max) {
    Object value = config.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
      problems.add(new Problem(key, "must be a number from " + min + " to " + max));
      return null;
    }
    return n.doubleValue();
  }

  /** A positive duration ({@code 250ms}, {@code 2s}, {@code 2.5s}, {@code 1m}); null when absent. */
  public Duration optionalDuration(String key) {
    Object value = config.getValue(key);
    if (value == null) {
      return null;
    }
    try {
      Duration duration = Durations.parse(String.valueOf(value));
      if (!duration.isZero() && value instanceof String) {
        return duration;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(new Problem(key, "must be a positive duration such as 250ms, 2s, 2.5s or 1m"));
    return null;
  }

  public boolean optionalBoolean(String key, boolean defaultValue) {
    Object value = config.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      problems.add(new Problem(key, "must be true or false"));
      return defaultValue;
    }
    return flag;
  }

  /** A mapping of names to strings; empty when absent. */
  public Map<String, String> optionalStringMap(String key) {
    Object value = config.getValue(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject mapping)) {
      problems.add(new Problem(key, "must be a mapping of names to strings"));
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : mapping.fieldNames()) {
      if (mapping.getValue(name) instanceof String text) {
        out.put(name, text);
      } else {
        problems.add(new Problem(key + "." + name, "must be a string"));
      }
    }
    return out;
  }

  /** A list of integers within [min, max] (a single integer counts as a list of one); null when absent. */
  public List<Integer> optionalIntList(String key, int min, int max) {
    Object value = config.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number) {
      value = new JsonArray().add(value);
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      problems.add(new Problem(key, "must be a non-empty list of integers"));
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof Number n && n.doubleValue() == n.intValue()
          && n.intValue() >= min && n.intValue() <= max) {
        out.add(n.intValue());
      } else {
        problems.add(new Problem(key + "[" + i + "]", "must be an integer from " + min + " to " + max));
      }
    }
    return out;
  }

  /**
   * A non-empty list of IP address literals, never resolved through DNS ({@link IpLiterals}); a single one
   * counts as a list of one. Empty when absent or when any item is not an address (each is a problem).
   */
  public List<InetAddress> requiredAddressList(String key) {
    Object value = config.getValue(key);
    if (value instanceof String) {
      value = new JsonArray().add(value);
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      problems.add(new Problem(key, "a non-empty list of IP addresses is required"));
      return List.of();
    }
    List<InetAddress> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      Optional<InetAddress> address = item instanceof String text ? IpLiterals.parse(text) : Optional.empty();
      if (address.isPresent()) {
        out.add(address.get());
      } else {
        problems.add(new Problem(key + "[" + i + "]", IpLiterals.notAnAddress(item)));
      }
    }
    return out.size() == array.size() ? out : List.of();
  }

  /** Adds a problem found by the plugin's own checks. */
  public void problem(String key, String message) {
    problems.add(new Problem(key, message));
  }

  /** Throws when any problem was found. */
  public void done() throws PluginConfigException {
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
  }
}
