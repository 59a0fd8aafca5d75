package io.vipd.config;

import io.vipd.api.HaEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One notifier under {@code notifiers:}.
 *
 * @param name the notifier's name (the mapping key)
 * @param type the plugin type that delivers ({@code slack})
 * @param events which events it wants ({@code events: [state, check]}); empty when not configured: state
 *     changes, plus check changes if the plugin asks for them
 * @param delivery how the daemon queues, times out and retries deliveries to it
 * @param settings every other key, for the plugin
 * @param location where the notifier's mapping starts
 */
public record NotifierConfig(
    String name,
    String type,
    Optional<Set<HaEvent.Kind>> events,
    Delivery delivery,
    PluginSettings settings,
    ConfigLocation location) {

  public NotifierConfig {
    events = events.map(Set::copyOf);
  }

  /**
   * The daemon-owned delivery settings ({@code queue-capacity}, {@code send-timeout}, {@code retries}).
   *
   * @param maxAttempts attempts per event, the first included ({@code retries.max-attempts})
   */
  public record Delivery(
      int queueCapacity, Duration sendTimeout, int maxAttempts, Duration initialDelay, Duration maxDelay,
      Duration maxRetryAfter) {

    public static final Delivery DEFAULT = new Delivery(100, Duration.ofSeconds(10), 5, Duration.ofMillis(500),
        Duration.ofSeconds(30), Duration.ofSeconds(60));
  }
}
