package io.vipd.config;

import io.vipd.api.HaEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads {@code notifiers:}: {@code type}, optional {@code events} and the delivery settings
 * ({@code queue-capacity}, {@code send-timeout}, {@code retries}); every other key goes to the plugin.
 */
final class NotifiersReader {
  static final Set<String> DAEMON_KEYS = Set.of("type", "events", "queue-capacity", "send-timeout", "retries");
  private static final Set<String> RETRY_KEYS = Set.of("max-attempts", "initial-delay", "max-delay", "max-retry-after");
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
    Optional<Set<HaEvent.Kind>> events = Optional.empty();
    if (notifier.value("events") != null) {
      Set<HaEvent.Kind> kinds = EnumSet.noneOf(HaEvent.Kind.class);
      for (String event : notifier.strings("events", this::event)) {
        kinds.add(EVENTS.get(event));
      }
      events = Optional.of(kinds);
    }
    NotifierConfig.Delivery delivery = delivery(notifier);
    PluginSettings settings = plugins.read(notifier, DAEMON_KEYS);
    if (name == null || type == null) {
      return null;
    }
    return new NotifierConfig(name, type, events, delivery, settings, reader.locate(notifier.node()));
  }

  private NotifierConfig.Delivery delivery(YamlMapping notifier) {
    NotifierConfig.Delivery d = NotifierConfig.Delivery.DEFAULT;
    int queueCapacity = notifier.integer("queue-capacity", d.queueCapacity(), 1, 100_000);
    Duration sendTimeout = notifier.duration("send-timeout", d.sendTimeout(), Duration.ofMillis(1), Duration.ofMinutes(10));
    Node retriesNode = notifier.value("retries");
    YamlMapping retries = retriesNode == null ? null : reader.mapping(retriesNode, notifier.path("retries"));
    if (retries == null) {
      return new NotifierConfig.Delivery(queueCapacity, sendTimeout, d.maxAttempts(), d.initialDelay(), d.maxDelay(),
          d.maxRetryAfter());
    }
    retries.rejectUnknownKeys(RETRY_KEYS);
    return new NotifierConfig.Delivery(queueCapacity, sendTimeout,
        retries.integer("max-attempts", d.maxAttempts(), 1, 100),
        retries.duration("initial-delay", d.initialDelay(), Duration.ofMillis(1), Duration.ofHours(1)),
        retries.duration("max-delay", d.maxDelay(), Duration.ofMillis(1), Duration.ofHours(1)),
        retries.duration("max-retry-after", d.maxRetryAfter(), Duration.ofMillis(1), Duration.ofHours(1)));
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
