package io.vipd.config;

import io.vipd.api.HaEvent;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@code notifiers:}: {@code type}, optional {@code events}; every other key goes to the plugin. */
final class NotifiersReader {
  static final Set<String> DAEMON_KEYS = Set.of("type", "events");
  private static final Map<String, HaEvent.Kind> EVENTS =
      Map.of("state", HaEvent.Kind.STATE_CHANGE, "check", HaEvent.Kind.CHECK_CHANGE);

  private final NodeReader reader;
  private final Set<String> declared = new LinkedHashSet<>();
  private final PluginSettingsReader plugins;

  NotifiersReader(NodeReader reader) {
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

  Map<String, NotifierConfig> read(Node node, String path) {
    Map<String, NotifierConfig> notifiers = new LinkedHashMap<>();
    YamlMapping all = node == null ? null : reader.mapping(node, path);
    if (all == null) {
      return notifiers;
    }
    for (Map.Entry<String, NodeTuple> entry : all.entries().entrySet()) {
      declared.add(entry.getKey());
      NotifierConfig notifier = readOne(entry.getValue(), all.path(entry.getKey()));
      if (notifier != null) {
        notifiers.put(notifier.name(), notifier);
      }
    }
    return notifiers;
  }

  private NotifierConfig readOne(NodeTuple tuple, String path) {
    String name = reader.name(tuple.getKeyNode(), path);
    YamlMapping notifier = reader.mapping(tuple.getValueNode(), path);
    if (notifier == null) {
      return null;
    }
    String type = notifier.required("type", reader::name);
    Set<HaEvent.Kind> events = EnumSet.allOf(HaEvent.Kind.class);
    if (notifier.value("events") != null) {
      events = EnumSet.noneOf(HaEvent.Kind.class);
      List<String> names = notifier.strings("events", this::event);
      for (String event : names) {
        events.add(EVENTS.get(event));
      }
    }
    PluginSettings settings = plugins.read(notifier, DAEMON_KEYS);
    if (name == null || type == null) {
      return null;
    }
    return new NotifierConfig(name, type, events, settings, reader.locate(notifier.node()));
  }

  private String event(Node node, String path) {
    String event = reader.string(node, path);
    if (event != null && !EVENTS.containsKey(event)) {
      reader.problem(
          node, path, "must be `state` or `check`, got `" + event + "`" + Suggestions.didYouMean(event, EVENTS.keySet()));
      return null;
    }
    return event;
  }
}
