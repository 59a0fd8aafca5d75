package io.vipd.config;

import io.vipd.api.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@code checks:}: the daemon's scheduling keys; every other key goes to the plugin. */
final class ChecksReader {
  static final Set<String> DAEMON_KEYS = Set.of("type", "interval", "timeout", "rise", "fall");
  private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
  private static final Duration MAX_INTERVAL = Duration.ofHours(1);

  private final NodeReader reader;
  private final Set<String> declared = new LinkedHashSet<>();
  private final PluginSettingsReader plugins;

  ChecksReader(NodeReader reader) {
    this.reader = reader;
    this.plugins = new PluginSettingsReader(reader);
  }

  /**
   * Every name under the section, valid or not: references to an invalid entry are not reported
   * again as undefined.
   */
  Set<String> declaredNames() {
    return declared;
  }

  Map<String, CheckConfig> read(Node node, String path) {
    Map<String, CheckConfig> checks = new LinkedHashMap<>();
    YamlMapping all = node == null ? null : reader.mapping(node, path);
    if (all == null) {
      return checks;
    }
    for (Map.Entry<String, NodeTuple> entry : all.entries().entrySet()) {
      declared.add(entry.getKey());
      CheckConfig check = readOne(entry.getValue(), all.path(entry.getKey()));
      if (check != null) {
        checks.put(check.name(), check);
      }
    }
    return checks;
  }

  private CheckConfig readOne(NodeTuple tuple, String path) {
    String name = reader.name(tuple.getKeyNode(), path);
    YamlMapping check = reader.mapping(tuple.getValueNode(), path);
    if (check == null) {
      return null;
    }
    String type = check.required("type", reader::name);
    Duration interval =
        check.duration("interval", CheckConfig.DEFAULT_INTERVAL, MIN_INTERVAL, MAX_INTERVAL);
    Duration timeout = check.duration("timeout", interval, Duration.ofMillis(1), MAX_INTERVAL);
    if (timeout.compareTo(interval) > 0) {
      reader.problem(
          check.value("timeout"),
          check.path("timeout"),
          "must not exceed interval (" + Durations.format(interval) + "), got " + Durations.format(timeout));
    }
    int rise = check.integer("rise", CheckConfig.DEFAULT_RISE, 1, 100);
    int fall = check.integer("fall", CheckConfig.DEFAULT_FALL, 1, 100);
    PluginSettings settings = plugins.read(check, DAEMON_KEYS);
    if (name == null || type == null) {
      return null;
    }
    return new CheckConfig(
        name, type, interval, timeout, rise, fall, settings, reader.locate(check.node()));
  }
}
