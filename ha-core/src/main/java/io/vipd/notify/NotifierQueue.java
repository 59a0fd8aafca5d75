package io.vipd.notify;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vipd.api.HaEvent;
import io.vipd.api.PermanentDeliveryException;
import io.vipd.api.RetryAfterException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notifier's bounded queue and delivery loop: one event in flight at a time, strictly in order,
 * each attempt under a timeout, failures retried per the {@link RetryPolicy}. Every method except
 * {@link #stats()} runs on the dispatcher's context, so the state needs no locks; the counters are
 * atomics because metrics read them from other threads.
 *
 * <p>Logging is per outage, not per event: a warning when a working notifier first fails, an info line
 * when it delivers again, with how many attempts failed and how many events were lost in between.
 */
final class NotifierQueue {
  // One logger name for all of notification dispatch, so operators tune a single category.
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotifierSpec spec;
  private final Vertx vertx;
  private final Context context;
  private final RandomGenerator random;
  private final ArrayDeque<HaEvent> waiting = new ArrayDeque<>();

  /** The event being delivered, including while it waits for a retry; null when idle. */
  private HaEvent current;
  private int failuresOfCurrent;
  /** Identifies the attempt in progress; a completion or timeout carrying an older value is stale. */
  private long attempt;
  private long retryTimer = -1;
  private boolean abandoned;
  private Promise<Void> idle;

  private boolean failing;
  private long failuresInOutage;
  private long droppedInOutage;

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong droppedOverflow = new AtomicLong();
  private final AtomicLong droppedAfterRetries = new AtomicLong();
  private final AtomicLong droppedRejected = new AtomicLong();
  private final AtomicLong droppedAtClose = new AtomicLong();
  private volatile int depth;
  private volatile boolean failingNow;

  NotifierQueue(NotifierSpec spec, Vertx vertx, Context context, RandomGenerator random) {
    this.spec = spec;
    this.vertx = vertx;
    this.context = context;
    this.random = random;
  }

  NotifierSpec spec() {
    return spec;
  }

  /** Queues {@code event}, dropping the oldest waiting event when the queue is full. */
  void offer(HaEvent event) {
    if (abandoned) {
      return;
    }
    if (waiting.size() >= spec.queueCapacity()) {
      HaEvent dropped = waiting.pollFirst();
      droppedOverflow.incrementAndGet();
      droppedInOutage++;
      LOG.debug("notifier {}: queue full, dropped event #{}", spec.name(), dropped.sequence());
    }
    waiting.addLast(event);
    depth = waiting.size();
    if (current == null) {
      startNext();
    }
  }

  /** Completes once nothing is queued or in flight (at once if idle already). */
  Future<Void> idle() {
    if (current == null && waiting.isEmpty()) {
      return Future.succeededFuture();
    }
    if (idle == null) {
      idle = Promise.promise();
    }
    return idle.future();
  }

  /** Gives up on everything queued or in flight (the close deadline passed); counts it as dropped. */
  void abandon() {
    abandoned = true;
    long lost = waiting.size() + (current == null ? 0 : 1);
    if (lost > 0) {
      droppedAtClose.addAndGet(lost);
      LOG.warn("notifier {}: {} event(s) not delivered before shutdown", spec.name(), lost);
    }
    waiting.clear();
    depth = 0;
    current = null;
    attempt++;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    signalIdle();
  }

  NotifierStats stats() {
    return new NotifierStats(
        spec.name(),
        delivered.get(),
        failedAttempts.get(),
        droppedOverflow.get(),
        droppedAfterRetries.get(),
        droppedRejected.get(),
        droppedAtClose.get(),
        depth,
        failingNow);
  }

  private void startNext() {
    current = waiting.pollFirst();
    depth = waiting.size();
    failuresOfCurrent = 0;
    if (current == null) {
      signalIdle();
      return;
    }
    send();
  }

  private void send() {
    retryTimer = -1;
    long thisAttempt = ++attempt;
    Future<Void> sent;
    try {
      sent = spec.notifier().send(current);
      if (sent == null) {
        sent = Future.failedFuture(new IllegalStateException("send returned null"));
      }
    } catch (RuntimeException | LinkageError e) {
      sent = Future.failedFuture(e);
    }
    long timeoutMillis = spec.sendTimeout().toMillis();
    long timer =
        vertx.setTimer(
            Math.max(1, timeoutMillis),
            id ->
                settle(
                    thisAttempt,
                    Future.failedFuture(
                        new TimeoutException("no answer within " + timeoutMillis + " ms"))));
    // The notifier may complete its future on any thread: come back to our context first.
    sent.onComplete(
        result ->
            context.runOnContext(
                v -> {
                  vertx.cancelTimer(timer);
                  settle(thisAttempt, result);
                }));
  }

  private void settle(long thisAttempt, AsyncResult<Void> result) {
    if (thisAttempt != attempt || current == null) {
      return; // the attempt already timed out, or the queue was abandoned
    }
    attempt++;
    if (result.succeeded()) {
      onDelivered();
    } else {
      onFailed(result.cause());
    }
  }

  private void onDelivered() {
    delivered.incrementAndGet();
    if (failing) {
      LOG.info(
          "notifier {} recovered after {} failed attempt(s); {} event(s) dropped during the outage",
          spec.name(),
          failuresInOutage,
          droppedInOutage);
      setFailing(false);
    }
    droppedInOutage = 0;
    startNext();
  }

  private void onFailed(Throwable cause) {
    failedAttempts.incrementAndGet();
    failuresOfCurrent++;
    failuresInOutage++;
    if (!failing) {
      droppedInOutage = 0;
      setFailing(true);
      LOG.warn(
          "notifier {} failing: {} (further failures are counted, not logged, until it recovers)",
          spec.name(),
          describe(cause));
    } else {
      LOG.debug("notifier {} still failing: {}", spec.name(), describe(cause));
    }
    if (cause instanceof PermanentDeliveryException) {
      droppedRejected.incrementAndGet();
      dropCurrent("rejected");
    } else if (!spec.retry().allowsRetryAfter(failuresOfCurrent)) {
      droppedAfterRetries.incrementAndGet();
      dropCurrent("gave up after " + failuresOfCurrent + " attempt(s)");
    } else {
      Duration delay =
          cause instanceof RetryAfterException retryAfter
              ? spec.retry().retryAfter(retryAfter.retryAfter())
              : spec.retry().backoff(failuresOfCurrent, random);
      retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> send());
    }
  }

  private void dropCurrent(String why) {
    droppedInOutage++;
    LOG.debug("notifier {}: dropped event #{}: {}", spec.name(), current.sequence(), why);
    startNext();
  }

  private void setFailing(boolean value) {
    failing = value;
    failingNow = value;
    if (!value) {
      failuresInOutage = 0;
    }
  }

  private void signalIdle() {
    if (idle != null) {
      Promise<Void> waiter = idle;
      idle = null;
      waiter.tryComplete();
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
