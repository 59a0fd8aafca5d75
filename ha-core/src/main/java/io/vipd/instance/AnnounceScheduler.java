package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
import io.vertx.core.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an instance's {@link AnnounceSchedule} on its context: a burst now, a second burst later, an
 * optional periodic refresh, all cancelled when the instance stops being master. Each round asks first
 * whether the instance is still master, so no frame leaves a host that has given the VIP up, even from a
 * timer that was already due when the instance yielded.
 */
final class AnnounceScheduler {
  private static final Logger log = LoggerFactory.getLogger(AnnounceScheduler.class);

  /**
   * A neighbour ignores an update younger than its locktime (1 s, Linux's default): when the old master's
   * own announcement reached it just before ours, our whole first burst is ignored. One more round just
   * after the locktime repairs that at once instead of at the second burst, seconds later.
   */
  static final Duration AFTER_LOCKTIME = Duration.ofMillis(1100);

  /** The instance's current spec: a reload may change its addresses and schedule. */
  private final Supplier<InstanceSpec> spec;
  private final Announcer announcer;
  private final Context context;
  private final BooleanSupplier isMaster;
  private final List<Long> timers = new ArrayList<>();

  AnnounceScheduler(Supplier<InstanceSpec> spec, Announcer announcer, Context context, BooleanSupplier isMaster) {
    this.spec = spec;
    this.announcer = announcer;
    this.context = context;
    this.isMaster = isMaster;
  }

  /** One round now, then the rest of the schedule; replaces a schedule in progress. */
  void announceNow() {
    cancel();
    AnnounceSchedule schedule = spec.get().announce();
    sendRound();
    burst(Duration.ZERO, schedule.count() - 1, schedule.interval(), true);
    Duration burstEnd = schedule.interval().multipliedBy(Math.max(schedule.count() - 1, 0));
    if (burstEnd.compareTo(AFTER_LOCKTIME) < 0 && schedule.repeatAfter().compareTo(AFTER_LOCKTIME) > 0) {
      timers.add(context.owner().setTimer(AFTER_LOCKTIME.toMillis(), t -> sendRound()));
    }
    if (schedule.repeatCount() > 0 && schedule.repeatAfter().toMillis() > 0) {
      burst(schedule.repeatAfter(), schedule.repeatCount(), schedule.interval(), false);
    }
    if (schedule.refresh().toMillis() > 0) {
      long id = context.owner().setPeriodic(schedule.refresh().toMillis(), t -> sendRound());
      timers.add(id);
    }
  }

  /** One round now, outside the schedule (which goes on unchanged). */
  void announceOnce() {
    sendRound();
  }

  void cancel() {
    timers.forEach(id -> context.owner().cancelTimer(id));
    timers.clear();
  }

  private void burst(Duration start, int rounds, Duration interval, boolean afterFirst) {
    for (int i = 0; i < rounds; i++) {
      long delay = start.toMillis() + (afterFirst ? i + 1 : i) * Math.max(interval.toMillis(), 0);
      if (delay <= 0) {
        sendRound();
        continue;
      }
      timers.add(context.owner().setTimer(delay, t -> sendRound()));
    }
  }

  private void sendRound() {
    if (!isMaster.getAsBoolean()) {
      log.debug("{}: not master any more: announcement round skipped", spec.get().name());
      return;
    }
    InstanceSpec current = spec.get();
    try {
      announcer.announce(current.addresses());
    } catch (IOException | RuntimeException e) {
      log.warn("{}: announcing {} failed: {}", current.name(), current.addresses(), e.getMessage());
    }
  }
}
