package io.vipd.config;

import io.vipd.api.HaEvent;
import java.util.Set;

/**
 * One notifier under {@code notifiers:}.
 *
 * @param name the notifier's name (the mapping key)
 * @param type the plugin type that delivers ({@code slack})
 * @param events which events it wants ({@code events: [state, check]}; default both)
 * @param settings every other key, for the plugin
 * @param location where the notifier's mapping starts
 */
public record NotifierConfig(
    String name, String type, Set<HaEvent.Kind> events, PluginSettings settings, ConfigLocation location) {

  public NotifierConfig {
    events = Set.copyOf(events);
  }

  /** Whether this notifier wants events of {@code kind}. */
  public boolean wants(HaEvent.Kind kind) {
    return events.contains(kind);
  }
}
