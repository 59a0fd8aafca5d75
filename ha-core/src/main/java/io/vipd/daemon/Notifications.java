package io.vipd.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import io.vipd.config.InstanceConfig;
import io.vipd.config.NotifierConfig;
import io.vipd.config.VipConfig;
import io.vipd.config.VipdConfig;
import io.vipd.instance.VrrpInstance;
import io.vipd.notify.HaEventFactory;
import io.vipd.notify.HaEventFactory.InstanceFacts;
import io.vipd.notify.NotificationDispatcher;
import io.vipd.notify.NotifierSpec;
import io.vipd.notify.NotifierStats;
import io.vipd.notify.RetryPolicy;
import io.vipd.vrrp.VrrpAction.StateChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns state and check changes into {@link HaEvent}s and routes them: an instance's state changes go
 * to the notifiers it names under {@code notify:} (all of them when it names none), check changes to
 * every notifier that wants them. Events are numbered and queued under one lock, so each notifier
 * receives them in sequence order.
 */
final class Notifications {
  private final VipdConfig config;
  private final HaEventFactory events;
  private final Map<String, NotificationDispatcher> dispatchers = new LinkedHashMap<>();

  Notifications(VipdConfig config, Vertx vertx, Map<String, Notifier> notifiers) {
    this.config = config;
    this.events = new HaEventFactory(config.node(), Clock.systemUTC());
    for (Map.Entry<String, Notifier> entry : notifiers.entrySet()) {
      NotifierConfig notifierConfig = config.notifiers().get(entry.getKey());
      NotifierConfig.Delivery delivery = notifierConfig.delivery();
      NotifierSpec spec = new NotifierSpec(entry.getKey(), entry.getValue(), notifierConfig.events().orElse(null),
          delivery.queueCapacity(), delivery.sendTimeout(), new RetryPolicy(delivery.maxAttempts(),
              delivery.initialDelay(), delivery.maxDelay(), delivery.maxRetryAfter()));
      dispatchers.put(entry.getKey(), new NotificationDispatcher(vertx, List.of(spec)));
    }
  }

  /** The state-change hook of every instance. */
  void stateChanged(VrrpInstance instance, StateChanged change) {
    InstanceConfig instanceConfig = instanceConfig(instance.name());
    List<String> targets = instanceConfig == null || instanceConfig.notifiers().isEmpty()
        ? List.copyOf(dispatchers.keySet())
        : instanceConfig.notifiers();
    synchronized (events) {
      HaEvent event = events.stateChange(facts(instanceConfig, instance.effectivePriority()),
          change.from().haState(), change.to().haState(), change.reason());
      targets.forEach(name -> publish(name, event));
    }
  }

  /** A check's stable status changed. */
  void checkChanged(String check, CheckStatus now, CheckResult result, int effectivePriority) {
    InstanceConfig tracking = config.instances().stream()
        .filter(i -> i.track().checks().stream().anyMatch(t -> t.name().equals(check)))
        .findFirst().orElse(null);
    String reason = "check " + check + " " + now + (result.message().isEmpty() ? "" : ": " + result.message());
    synchronized (events) {
      HaEvent event = events.checkChange(check, now,
          tracking == null ? InstanceFacts.NONE : facts(tracking, effectivePriority), reason);
      dispatchers.keySet().forEach(name -> publish(name, event));
    }
  }

  List<NotifierStats> stats() {
    List<NotifierStats> stats = new ArrayList<>();
    dispatchers.values().forEach(d -> stats.addAll(d.stats()));
    return stats;
  }

  /** Delivers what is queued until {@code deadline}, then closes every notifier. */
  Future<Void> close(Duration deadline) {
    List<Future<Void>> closed = new ArrayList<>();
    dispatchers.values().forEach(d -> closed.add(d.close(deadline)));
    return Future.join(closed).mapEmpty();
  }

  private void publish(String notifier, HaEvent event) {
    NotificationDispatcher dispatcher = dispatchers.get(notifier);
    if (dispatcher != null) {
      dispatcher.publish(event);
    }
  }

  private InstanceConfig instanceConfig(String name) {
    return config.instances().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
  }

  private static InstanceFacts facts(InstanceConfig instance, int effectivePriority) {
    if (instance == null) {
      return InstanceFacts.NONE;
    }
    return new InstanceFacts(instance.name(), instance.vrid(), instance.priority(), effectivePriority,
        instance.vips().stream().map(VipConfig::cidr).toList());
  }
}
