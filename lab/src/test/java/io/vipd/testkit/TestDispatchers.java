package io.vipd.testkit;

import io.vertx.core.Vertx;
import io.vipd.api.Notifier;
import io.vipd.notify.NotificationDispatcher;
import io.vipd.notify.NotifierSpec;
import io.vipd.notify.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's real {@link NotificationDispatcher} around one notifier under test, with quick retries;
 * {@link #close()} (from {@code @AfterEach}) closes every dispatcher it made.
 */
public final class TestDispatchers implements AutoCloseable {
  private final Vertx vertx;
  private final RetryPolicy retries;
  private final List<NotificationDispatcher> made = new ArrayList<>();

  public TestDispatchers(Vertx vertx, RetryPolicy retries) {
    this.vertx = vertx;
    this.retries = retries;
  }

  /** A dispatcher delivering to {@code notifier} (named {@code name}) from a queue of {@code capacity}. */
  public NotificationDispatcher dispatch(String name, Notifier notifier, int capacity) {
    NotificationDispatcher dispatcher = new NotificationDispatcher(vertx,
        List.of(new NotifierSpec(name, notifier, null, capacity, Duration.ofSeconds(10), retries)));
    made.add(dispatcher);
    return dispatcher;
  }

  @Override
  public void close() {
    made.forEach(d -> d.close(Duration.ZERO).await());
  }
}
