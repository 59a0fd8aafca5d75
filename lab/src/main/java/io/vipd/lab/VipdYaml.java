package io.vipd.lab;

import io.vipd.api.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The one writer of a node's vipd.yaml for the lab, the benchmarks and every test that runs {@code vipd run}:
 * typed setters for what they vary, {@link Instance#with} for anything else, written by SnakeYAML so that
 * quoting is never hand-made. Without {@link #plugins} or {@link #withoutPlugins} the daemon's default plugin
 * directory applies (the distribution's plugins/). (Files that test the parser's own messages, with their
 * lines and columns, stay literal text in their tests.)
 */
public final class VipdYaml {
  /** Where a node without plugins points its plugin directory. */
  public static final String NO_PLUGINS = "/nonexistent/vipd-lab-plugins";

  private final String node;
  private String pluginsDirectory;
  private final Map<String, Object> checks = new LinkedHashMap<>();
  private final Map<String, Object> notifiers = new LinkedHashMap<>();
  private final List<Map<String, Object>> instances = new ArrayList<>();
  private final Map<String, Object> others = new LinkedHashMap<>();

  private VipdYaml(String node) {
    this.node = node;
  }

  /** A configuration for the node named {@code node}. */
  public static VipdYaml node(String node) {
    return new VipdYaml(node);
  }

  public VipdYaml plugins(Path directory) {
    this.pluginsDirectory = directory.toAbsolutePath().toString();
    return this;
  }

  /** No plugins at all: the plugin directory is a path that does not exist. */
  public VipdYaml withoutPlugins() {
    this.pluginsDirectory = NO_PLUGINS;
    return this;
  }

  /** A check under {@code checks:}: its {@code type} and other keys, in order. */
  public VipdYaml check(String name, Map<String, ?> settings) {
    checks.put(name, new LinkedHashMap<>(settings));
    return this;
  }

  /** A notifier under {@code notifiers:}. */
  public VipdYaml notifier(String name, Map<String, ?> settings) {
    notifiers.put(name, new LinkedHashMap<>(settings));
    return this;
  }

  /** Any other top-level key ({@code api}, say), as vipd's YAML spells it. */
  public VipdYaml with(String key, Object value) {
    others.put(key, value);
    return this;
  }

  public VipdYaml instance(Instance instance) {
    instances.add(instance.keys);
    return this;
  }

  /** The YAML text. */
  public String text() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("node", node);
    if (pluginsDirectory != null) {
      root.put("plugins", Map.of("directory", pluginsDirectory));
    }
    if (!checks.isEmpty()) {
      root.put("checks", checks);
    }
    if (!notifiers.isEmpty()) {
      root.put("notifiers", notifiers);
    }
    root.putAll(others);
    root.put("instances", instances);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    return new Yaml(options).dump(root);
  }

  /** Writes {@link #text()} to {@code file} and returns it. */
  public Path writeTo(Path file) throws IOException {
    return Files.writeString(file, text());
  }

  /** One entry of {@code instances:}, on {@code eth0} unless {@link #with} says otherwise. */
  public static final class Instance {
    private final Map<String, Object> keys = new LinkedHashMap<>();

    private Instance(String name) {
      keys.put("name", name);
      keys.put("interface", "eth0");
    }

    public static Instance named(String name) {
      return new Instance(name);
    }

    /** Any key of the instance mapping, as vipd's YAML spells it. */
    public Instance with(String key, Object value) {
      keys.put(key, value instanceof Duration d ? Durations.format(d) : value);
      return this;
    }

    public Instance vrid(int vrid) {
      return with("vrid", vrid);
    }

    public Instance version(int version) {
      return with("version", version);
    }

    public Instance priority(int priority) {
      return with("priority", priority);
    }

    public Instance advertInterval(Duration interval) {
      return with("advert-interval", interval);
    }

    /** The VIPs with their prefix ({@code 10.99.0.10/24}). */
    public Instance vips(String... vips) {
      return with("vips", List.of(vips));
    }

    /** {@code transport:} of {@code type} with its other keys. */
    public Instance transport(String type, Map<String, ?> settings) {
      Map<String, Object> transport = new LinkedHashMap<>();
      transport.put("type", type);
      transport.putAll(settings);
      return with("transport", transport);
    }

    /** {@code track: {checks: [...]}}, each entry a mapping such as {@code {check: mysql, weight: -60}}. */
    public Instance trackChecks(List<Map<String, ?>> entries) {
      return with("track", Map.of("checks", entries));
    }
  }
}
