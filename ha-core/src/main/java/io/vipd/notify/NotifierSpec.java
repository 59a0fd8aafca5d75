package io.vipd.notify;

import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One notifier as the dispatcher runs it: the notifier the plugin created plus the daemon-side
 * delivery settings from its YAML entry.
 *
 * @param name the configured notifier name, used in logs and metrics
 * @param notifier the plugin's notifier
 * @param events which event kinds it receives ({@code events: [state, check]}); null means "state
 *     changes, plus check changes if {@link Notifier#wantsCheckEvents()}"
 * @param queueCapacity events waiting beyond the one in flight; when full the oldest is dropped
 * @param sendTimeout how long one {@link Notifier#send} may take before it counts as failed
 * @param retry how failed deliveries are retried
 */
public record NotifierSpec(
    String name,
    Notifier notifier,
    Set<HaEvent.Kind> events,
    int queueCapacity,
    Duration sendTimeout,
    RetryPolicy retry) {

  public static final int DEFAULT_QUEUE_CAPACITY = 100;
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

  public NotifierSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(sendTimeout, "sendTimeout");
    Objects.requireNonNull(retry, "retry");
    if (events == null) {
      events =
          notifier.wantsCheckEvents()
              ? EnumSet.allOf(HaEvent.Kind.class)
              : EnumSet.of(HaEvent.Kind.STATE_CHANGE);
    } else {
      events = Set.copyOf(events);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
    }
    if (sendTimeout.isNegative() || sendTimeout.isZero()) {
      throw new IllegalArgumentException("sendTimeout must be positive, got " + sendTimeout);
    }
  }

  /** A spec with the default events, queue capacity, send timeout and retry policy. */
  public static NotifierSpec withDefaults(String name, Notifier notifier) {
    return new NotifierSpec(
        name, notifier, null, DEFAULT_QUEUE_CAPACITY, DEFAULT_SEND_TIMEOUT, RetryPolicy.DEFAULT);
  }

  /** Whether this notifier receives {@code event}. */
  public boolean accepts(HaEvent event) {
    return events.contains(event.kind());
  }
}
