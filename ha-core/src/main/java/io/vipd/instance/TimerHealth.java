package io.vipd.instance;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches how late an instance's one timer fires. An advert sent more than half an interval late is
 * counted and logged at most once a minute (with how late it was); a timer late by more than
 * Master_Down_Interval means this process was paused (a stopped JVM, a frozen VM, a long GC) long enough
 * for a backup to take over, which is logged at once. Confined to the instance's context.
 */
final class TimerHealth {
  private static final Logger log = LoggerFactory.getLogger(TimerHealth.class);
  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private final String instance;
  private volatile long lateAdverts;
  private long lastLoggedNanos;
  private boolean loggedOnce;
  private long pauseLoggedFor = Long.MIN_VALUE;

  TimerHealth(String instance) {
    this.instance = instance;
  }

  /** Adverts sent more than half an interval late since start. Safe from any thread. */
  long lateAdverts() {
    return lateAdverts;
  }

  /**
   * Whatever the instance handles next (its timer, or an advert queued while it was frozen) finds the
   * armed timer overdue by more than Master_Down_Interval: this process was paused. Logged once per
   * deadline.
   */
  void handling(long armedDeadlineNanos, long nowNanos, Duration masterDownInterval) {
    long overdueNanos = nowNanos - armedDeadlineNanos;
    if (overdueNanos > masterDownInterval.toNanos() && armedDeadlineNanos != pauseLoggedFor) {
      pauseLoggedFor = armedDeadlineNanos;
      log.warn("{}: this process was paused for about {} ms, longer than Master_Down_Interval ({} ms): a backup "
          + "may have taken over meanwhile", instance, overdueNanos / 1_000_000, masterDownInterval.toMillis());
    }
  }

  /**
   * The timer due at {@code deadlineNanos} fired at {@code nowNanos}.
   *
   * @param advert whether it fires an advert (the instance is master)
   */
  void fired(long deadlineNanos, long nowNanos, boolean advert, Duration advertInterval) {
    long lateNanos = nowNanos - deadlineNanos;
    if (!advert || lateNanos <= advertInterval.toNanos() / 2) {
      return;
    }
    lateAdverts++;
    if (!loggedOnce || nowNanos - lastLoggedNanos >= LOG_EVERY.toNanos()) {
      log.warn("{}: advert sent {} ms late (interval {} ms); {} late advert(s) so far, logged at most once a minute",
          instance, lateNanos / 1_000_000, advertInterval.toMillis(), lateAdverts);
      loggedOnce = true;
      lastLoggedNanos = nowNanos;
    }
  }
}
