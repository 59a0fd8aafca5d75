package io.vipd.notify;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vipd.api.HaEvent;
import io.vipd.api.Notifier;
import io.vipd.vertx.Contexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans {@link HaEvent}s out to the configured notifiers. The state-change hook calls {@link #publish}
 * from any thread; it only hands the event over and returns. Delivery runs on an event-loop context
 * of the dispatcher's own, so a slow, hanging or failing notifier can never delay a VRRP timer.
 *
 * <p>Each notifier has its own bounded queue ({@link NotifierSpec#queueCapacity()}, oldest dropped
 * when full) and gets its events one at a time, in publish order, each attempt under
 * {@link NotifierSpec#sendTimeout()}, failures retried per {@link NotifierSpec#retry()}. Counters per
 * notifier are in {@link #stats()}.
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final Duration NOTIFIER_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final Context context;
  private final List<NotifierQueue> queues = new ArrayList<>();
  private volatile boolean closing;

  /** A dispatcher for {@code notifiers}, with a random source for the backoff jitter. */
  public NotificationDispatcher(Vertx vertx, List<NotifierSpec> notifiers) {
    this(vertx, notifiers, RandomGenerator.getDefault());
  }

  /** As {@link #NotificationDispatcher(Vertx, List)} with a given jitter source (tests pin it). */
  public NotificationDispatcher(
      Vertx vertx, List<NotifierSpec> notifiers, RandomGenerator jitter) {
    this.vertx = vertx;
    // A context of our own: everything below runs here, never on an instance's context.
    this.context = Contexts.eventLoop(vertx);
    for (NotifierSpec spec : notifiers) {
      queues.add(new NotifierQueue(spec, vertx, context, jitter));
    }
  }

  /**
   * Queues {@code event} for every notifier that wants its kind. Callable from any thread; returns at
   * once, never blocks and never throws. Events published from one thread reach each notifier in that
   * order. Ignored once {@link #close} has been called.
   */
  public void publish(HaEvent event) {
    if (event == null || closing) {
      return;
    }
    try {
      context.runOnContext(v -> fanOut(event));
    } catch (RuntimeException e) {
      LOG.error("could not queue event #{} for notifiers", event.sequence(), e);
    }
  }

  /** Counters of every notifier, in configuration order. Callable from any thread. */
  public List<NotifierStats> stats() {
    return queues.stream().map(NotifierQueue::stats).toList();
  }

  /**
   * Stops accepting events, lets the queues drain until {@code deadline} (retries included), drops
   * what is left (counted in {@link NotifierStats#droppedAtClose()}), then closes every notifier.
   * The returned future always succeeds.
   */
  public Future<Void> close(Duration deadline) {
    closing = true;
    Promise<Void> closed = Promise.promise();
    context.runOnContext(
        v -> {
          long timer =
              vertx.setTimer(
                  Math.max(1, deadline.toMillis()),
                  id -> queues.forEach(NotifierQueue::abandon));
          Future.all(queues.stream().map(NotifierQueue::idle).toList())
              .onComplete(
                  drained -> {
                    vertx.cancelTimer(timer);
                    closeNotifiers().onComplete(done -> closed.complete());
                  });
        });
    return closed.future();
  }

  private void fanOut(HaEvent event) {
    for (NotifierQueue queue : queues) {
      if (queue.spec().accepts(event)) {
        queue.offer(event);
      }
    }
  }

  private Future<?> closeNotifiers() {
    List<Future<Void>> closing = new ArrayList<>();
    for (NotifierQueue queue : queues) {
      closing.add(closeQuietly(queue.spec()));
    }
    return Future.join(closing);
  }

  private static Future<Void> closeQuietly(NotifierSpec spec) {
    Notifier notifier = spec.notifier();
    Future<Void> closed;
    try {
      closed = notifier.close();
    } catch (RuntimeException e) {
      closed = Future.failedFuture(e);
    }
    if (closed == null) {
      return Future.succeededFuture();
    }
    return closed
        .timeout(NOTIFIER_CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .recover(
            e -> {
              LOG.warn("notifier {} did not close cleanly: {}", spec.name(), e.toString());
              return Future.succeededFuture();
            });
  }
}
