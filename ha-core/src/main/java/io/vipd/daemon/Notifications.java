package io.vipd.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import io.vipd.config.NotifierConfig;
import io.vipd.config.VipConfig;
import io.vipd.config.VipdConfig;
import io.vipd.instance.InstanceListener;
import io.vipd.instance.VrrpInstance;
import io.vipd.notify.HaEventFactory;
import io.vipd.notify.HaEventFactory.InstanceFacts;
import io.vipd.notify.NotificationDispatcher;
import io.vipd.notify.NotifierSpec;
import io.vipd.notify.NotifierStats;
import io.vipd.notify.RetryPolicy;
import io.vipd.vrrp.VrrpAction.StateChanged;
import io.vipd.vrrp.VrrpSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns state and check changes into {@link HaEvent}s and routes them: an instance's state changes go
 * to the notifiers its spec names (all of them when it names none), check changes to every notifier that
 * wants them. A check tracked by an instance is reported by that instance once tracking has applied it
 * (so the event carries the priority it led to); a check no instance tracks, by its runner. Events are
 * numbered and queued under one lock, so each notifier receives them in sequence order.
 */
final class Notifications implements InstanceListener {
  private final Vertx vertx;
  /** Numbers events; also the lock under which dispatchers are used and replaced. */
  private final HaEventFactory events;
  private final Map<String, NotificationDispatcher> dispatchers = new LinkedHashMap<>();

  Notifications(VipdConfig config, Vertx vertx, Map<String, Notifier> notifiers) {
    this.vertx = vertx;
    this.events = new HaEventFactory(config.node(), Clock.systemUTC());
    notifiers.forEach((name, notifier) -> dispatchers.put(name, dispatcher(config.notifiers().get(name), notifier)));
  }

  /**
   * A reload: the notifiers named in {@code kept} go on with their queues and counters (their fresh copies in
   * {@code created} are closed unused); every other running one is closed after delivering what it has
   * queued, within {@code deadline}; the rest of {@code created} starts.
   */
  Future<Void> reload(VipdConfig next, Map<String, Notifier> created, Set<String> kept, Duration deadline) {
    List<Future<Void>> closed = new ArrayList<>();
    // built outside the lock: a dispatcher deploys a Vert.x context, which needs the event loops that
    // instances publish from while holding it
    Map<String, NotificationDispatcher> started = new LinkedHashMap<>();
    Set<String> running;
    synchronized (events) {
      running = Set.copyOf(dispatchers.keySet());
    }
    created.forEach((name, notifier) -> {
      if (kept.contains(name) && running.contains(name)) {
        closed.add(closeUnused(notifier));
      } else {
        started.put(name, dispatcher(next.notifiers().get(name), notifier));
      }
    });
    List<NotificationDispatcher> retired = new ArrayList<>();
    synchronized (events) {
      for (String name : List.copyOf(dispatchers.keySet())) {
        if (!kept.contains(name)) {
          retired.add(dispatchers.remove(name));
        }
      }
      dispatchers.putAll(started);
    }
    retired.forEach(d -> closed.add(d.close(deadline)));
    return Future.join(closed).mapEmpty();
  }

  /** Closes a notifier that was created but never used (a refused, dry-run or unchanged reload's copy). */
  static Future<Void> closeUnused(Notifier notifier) {
    try {
      return notifier.close();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private NotificationDispatcher dispatcher(NotifierConfig config, Notifier notifier) {
    NotifierConfig.Delivery delivery = config.delivery();
    NotifierSpec spec = new NotifierSpec(config.name(), notifier, config.events().orElse(null),
        delivery.queueCapacity(), delivery.sendTimeout(), new RetryPolicy(delivery.maxAttempts(),
            delivery.initialDelay(), delivery.maxDelay(), delivery.maxRetryAfter()));
    return new NotificationDispatcher(vertx, List.of(spec));
  }

  @Override
  public void stateChanged(VrrpInstance instance, StateChanged change) {
    synchronized (events) {
      List<String> targets = instance.spec().notifiers().isEmpty()
          ? List.copyOf(dispatchers.keySet())
          : instance.spec().notifiers();
      HaEvent event = events.stateChange(facts(instance), change.from().haState(), change.to().haState(),
          change.reason());
      targets.forEach(name -> publish(name, event));
    }
  }

  @Override
  public void checkChanged(VrrpInstance instance, String check, CheckStatus now, String message) {
    publishCheckChange(check, now, message, facts(instance));
  }

  /** A check no instance tracks changed its stable status (a {@link io.vipd.track.CheckListener}). */
  void untrackedCheckChanged(String check, CheckStatus old, CheckStatus now, CheckResult result) {
    publishCheckChange(check, now, result.message(), InstanceFacts.NONE);
  }

  List<NotifierStats> stats() {
    List<NotifierStats> stats = new ArrayList<>();
    synchronized (events) {
      dispatchers.values().forEach(d -> stats.addAll(d.stats()));
    }
    return stats;
  }

  /** Delivers what is queued until {@code deadline}, then closes every notifier. */
  Future<Void> close(Duration deadline) {
    List<Future<Void>> closed = new ArrayList<>();
    synchronized (events) {
      dispatchers.values().forEach(d -> closed.add(d.close(deadline)));
    }
    return Future.join(closed).mapEmpty();
  }

  private void publishCheckChange(String check, CheckStatus now, String message, InstanceFacts facts) {
    String reason = "check " + check + " " + now + (message.isEmpty() ? "" : ": " + message);
    synchronized (events) {
      HaEvent event = events.checkChange(check, now, facts, reason);
      dispatchers.keySet().forEach(name -> publish(name, event));
    }
  }

  private void publish(String notifier, HaEvent event) {
    NotificationDispatcher dispatcher = dispatchers.get(notifier);
    if (dispatcher != null) {
      dispatcher.publish(event);
    }
  }

  private static InstanceFacts facts(VrrpInstance instance) {
    VrrpSettings settings = instance.spec().settings();
    return new InstanceFacts(instance.name(), settings.vrid(), settings.priority(), instance.effectivePriority(),
        instance.spec().addresses().stream().map(VipConfig::cidr).toList());
  }
}
