package io.vipd.config;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of a check, notifier or transport mapping that belong to its plugin, as the
 * {@link JsonObject} the factory receives (secrets resolved), plus where each key was written so a
 * plugin's {@link PluginConfigException} can be reported with file, line and column. {@link #toString()}
 * shows key names only, since values may be secrets.
 */
public final class PluginSettings {
  private final JsonObject values;
  private final String path;
  private final ConfigLocation location;
  private final Map<String, ConfigLocation> keyLocations;

  PluginSettings(
      JsonObject values, String path, ConfigLocation location, Map<String, ConfigLocation> keyLocations) {
    this.values = values;
    this.path = path;
    this.location = location;
    this.keyLocations = Map.copyOf(keyLocations);
  }

  /** No keys: what a mapping that is not written at all (at {@code path}) gives its factory. */
  static PluginSettings none(String path, ConfigLocation location) {
    return new PluginSettings(new JsonObject(), path, location, Map.of());
  }

  /** A fresh copy of the plugin's keys, for the factory's {@code create(...)}. */
  public JsonObject values() {
    return values.copy();
  }

  /** The YAML path of the owning mapping ({@code checks.mysql-local}). */
  public String path() {
    return path;
  }

  /** Where the owning mapping starts. */
  public ConfigLocation location() {
    return location;
  }

  /**
   * Turns a plugin's complaints into configuration problems located at the offending key (or the
   * closest enclosing key that exists, else the owning mapping).
   */
  public List<ConfigProblem> problemsOf(PluginConfigException exception) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (PluginConfigException.Problem problem : exception.problems()) {
      String key = problem.path();
      problems.add(
          new ConfigProblem(locate(key), key.isEmpty() ? path : path + "." + key, problem.message()));
    }
    return problems;
  }

  private ConfigLocation locate(String key) {
    String candidate = key;
    while (!candidate.isEmpty()) {
      ConfigLocation found = keyLocations.get(candidate);
      if (found != null) {
        return found;
      }
      int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut < 0 ? "" : candidate.substring(0, cut);
    }
    return location;
  }

  @Override
  public String toString() {
    return "PluginSettings" + values.fieldNames();
  }
}
