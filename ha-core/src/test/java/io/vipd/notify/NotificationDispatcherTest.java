package io.vipd.notify;

import io.vipd.api.HaState;
import io.vipd.api.CheckStatus;
import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vipd.api.HaEvent;
import io.vipd.api.PermanentDeliveryException;
import io.vipd.api.RetryAfterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NotificationDispatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2));

  /** Always picks the top of the jitter range, so backoff lower bounds can be asserted. */
  private static final RandomGenerator CEILING_JITTER =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          return 0;
        }

        @Override
        public long nextLong(long bound) {
          return bound - 1;
        }
      };

  private final Vertx vertx = Vertx.vertx();
  private final HaEventFactory events = new HaEventFactory("db1", Clock.systemUTC());
  private final HaEventFactory.InstanceFacts dbVip =
      new HaEventFactory.InstanceFacts("db-vip", 51, 100, 90, List.of("10.0.0.100/24"));
  private final List<NotificationDispatcher> dispatchers = new ArrayList<>();

  @AfterEach
  void stopVertx() {
    dispatchers.forEach(d -> d.close(Duration.ZERO).await());
    vertx.close().await();
  }

  private NotificationDispatcher dispatcher(NotifierSpec... specs) {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(vertx, List.of(specs), CEILING_JITTER);
    dispatchers.add(dispatcher);
    return dispatcher;
  }

  private static NotifierSpec spec(String name, RecordingNotifier notifier, int capacity) {
    return new NotifierSpec(name, notifier, null, capacity, Duration.ofSeconds(5), FAST_RETRY);
  }

  private static NotifierStats statsOf(NotificationDispatcher dispatcher, String name) {
    return dispatcher.stats().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void eventsArriveOneAtATimeInPublishOrder() {
    List<Integer> inFlightSeen = new CopyOnWriteArrayList<>();
    int[] inFlight = {0};
    RecordingNotifier slowish =
        new RecordingNotifier(
            (event, n) -> {
              inFlightSeen.add(++inFlight[0]);
              Promise<Void> done = Promise.promise();
              vertx.setTimer(1 + n % 3, id -> {
                inFlight[0]--;
                done.complete();
              });
              return done.future();
            },
            false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", slowish, 500));

    List<HaEvent> published = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      HaEvent event = masterElected();
      published.add(event);
      dispatcher.publish(event);
    }

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 200);
    assertThat(slowish.attemptedSequences())
        .containsExactlyElementsOf(published.stream().map(HaEvent::sequence).toList());
    assertThat(inFlightSeen).containsOnly(1);
  }

  @Test
  void fullQueueDropsTheOldestWaitingEventAndCountsIt() {
    Promise<Void> firstDelivery = Promise.promise();
    RecordingNotifier stuck =
        new RecordingNotifier(
            (event, n) -> n == 1 ? firstDelivery.future() : Future.succeededFuture(), false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", stuck, 3));

    for (int i = 0; i < 10; i++) {
      dispatcher.publish(masterElected());
    }
    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").droppedOverflow() == 6);
    assertThat(statsOf(dispatcher, "hook").queueDepth()).isEqualTo(3);

    firstDelivery.complete();

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 4);
    assertThat(stuck.attemptedSequences()).containsExactly(1L, 8L, 9L, 10L);
    assertThat(statsOf(dispatcher, "hook").queueDepth()).isZero();
  }

  @Test
  void failedDeliveryIsRetriedWithGrowingBackoffUntilItSucceeds() {
    RecordingNotifier flaky =
        new RecordingNotifier(
            (event, n) ->
                n <= 2
                    ? Future.failedFuture(new IllegalStateException("HTTP 500"))
                    : Future.succeededFuture(),
            false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", flaky, 10));

    dispatcher.publish(masterElected());

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 1);
    NotifierStats stats = statsOf(dispatcher, "hook");
    assertThat(stats.failedAttempts()).isEqualTo(2);
    assertThat(stats.failing()).isFalse();
    List<RecordingNotifier.Attempt> attempts = flaky.attempts();
    assertThat(attempts).hasSize(3);
    // ceilings 20 ms then 40 ms, and the jitter source always picks the ceiling
    assertThat(millisBetween(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(19);
    assertThat(millisBetween(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(39);
  }

  @Test
  void eventIsDroppedAfterTheLastAttemptAndTheNextOneStillGoesOut() {
    RecordingNotifier down =
        new RecordingNotifier(
            (event, n) ->
                event.sequence() == 1
                    ? Future.failedFuture(new IllegalStateException("connection refused"))
                    : Future.succeededFuture(),
            false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", down, 10));

    dispatcher.publish(masterElected());
    dispatcher.publish(masterElected());

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 1);
    assertThat(statsOf(dispatcher, "hook").droppedAfterRetries()).isEqualTo(1);
    assertThat(statsOf(dispatcher, "hook").failedAttempts()).isEqualTo(3);
    assertThat(down.attemptedSequences()).containsExactly(1L, 1L, 1L, 2L);
  }

  @Test
  void rejectedEventIsNotRetried() {
    RecordingNotifier rejecting =
        new RecordingNotifier(
            (event, n) ->
                event.sequence() == 1
                    ? Future.failedFuture(new PermanentDeliveryException("HTTP 400"))
                    : Future.succeededFuture(),
            false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", rejecting, 10));

    dispatcher.publish(masterElected());
    dispatcher.publish(masterElected());

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 1);
    assertThat(statsOf(dispatcher, "hook").droppedRejected()).isEqualTo(1);
    assertThat(rejecting.attemptedSequences()).containsExactly(1L, 2L);
  }

  @Test
  void retryAfterRequestIsWaitedOutBeforeTheNextAttempt() {
    RecordingNotifier rateLimited =
        new RecordingNotifier(
            (event, n) ->
                n == 1
                    ? Future.failedFuture(
                        new RetryAfterException("HTTP 429", Duration.ofMillis(300)))
                    : Future.succeededFuture(),
            false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", rateLimited, 10));

    dispatcher.publish(masterElected());

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 1);
    List<RecordingNotifier.Attempt> attempts = rateLimited.attempts();
    assertThat(millisBetween(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(299);
  }

  @Test
  void sendThatNeverCompletesTimesOutAndCountsAsAFailure() {
    RecordingNotifier hanging =
        new RecordingNotifier(
            (event, n) -> n == 1 ? Promise.<Void>promise().future() : Future.succeededFuture(),
            false);
    NotifierSpec spec =
        new NotifierSpec("hook", hanging, null, 10, Duration.ofMillis(200), FAST_RETRY);
    NotificationDispatcher dispatcher = dispatcher(spec);

    dispatcher.publish(masterElected());

    await().atMost(WAIT).until(() -> statsOf(dispatcher, "hook").delivered() == 1);
    assertThat(statsOf(dispatcher, "hook").failedAttempts()).isEqualTo(1);
    List<RecordingNotifier.Attempt> attempts = hanging.attempts();
    assertThat(millisBetween(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(199);
  }

  @Test
  void checkEventsReachOnlyNotifiersThatWantThem() {
    RecordingNotifier statesOnly = RecordingNotifier.accepting();
    RecordingNotifier wantsChecks =
        new RecordingNotifier((event, n) -> Future.succeededFuture(), true);
    RecordingNotifier configuredForChecks = RecordingNotifier.accepting();
    NotificationDispatcher dispatcher =
        dispatcher(
            spec("slack", statesOnly, 10),
            spec("webhook", wantsChecks, 10),
            new NotifierSpec(
                "exec",
                configuredForChecks,
                Set.of(HaEvent.Kind.CHECK_CHANGE),
                10,
                Duration.ofSeconds(1),
                FAST_RETRY));

    dispatcher.publish(masterElected());
    dispatcher.publish(events.checkChange("mysql-local", CheckStatus.DOWN, dbVip, "check mysql-local DOWN: connection refused"));

    await()
        .atMost(WAIT)
        .until(
            () ->
                dispatcher.stats().stream().mapToLong(NotifierStats::delivered).sum() == 4);
    assertThat(statesOnly.attemptedSequences()).containsExactly(1L);
    assertThat(wantsChecks.attemptedSequences()).containsExactly(1L, 2L);
    assertThat(configuredForChecks.attemptedSequences()).containsExactly(2L);
  }

  @Test
  void outageIsLoggedOnceWhenItStartsAndOnceWhenItEnds() {
    ListAppender<ILoggingEvent> logs = captureDispatcherLogs();
    boolean[] up = {false};
    RecordingNotifier outage =
        new RecordingNotifier(
            (event, n) ->
                up[0]
                    ? Future.succeededFuture()
                    : Future.failedFuture(new IllegalStateException("connection refused")),
            false);
    NotifierSpec spec =
        new NotifierSpec(
            "pager",
            outage,
            null,
            100,
            Duration.ofSeconds(1),
            new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO));
    NotificationDispatcher dispatcher = dispatcher(spec);

    for (int i = 0; i < 5; i++) {
      dispatcher.publish(masterElected());
    }
    await().atMost(WAIT).until(() -> statsOf(dispatcher, "pager").droppedAfterRetries() == 5);
    vertx.runOnContext(v -> up[0] = true);
    vertx.setTimer(10, id -> dispatcher.publish(masterElected()));
    await().atMost(WAIT).until(() -> statsOf(dispatcher, "pager").delivered() == 1);

    List<ILoggingEvent> lines =
        logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(lines.get(0).getFormattedMessage())
        .contains("pager failing")
        .contains("connection refused");
    assertThat(lines.get(1).getLevel()).isEqualTo(Level.INFO);
    assertThat(lines.get(1).getFormattedMessage())
        .contains("pager recovered after 10 failed attempt(s); 5 event(s) dropped");
  }

  @Test
  void closeDeliversWhatIsQueuedThenClosesTheNotifiers() {
    RecordingNotifier notifier =
        new RecordingNotifier(
            (event, n) -> {
              Promise<Void> done = Promise.promise();
              vertx.setTimer(5, id -> done.complete());
              return done.future();
            },
            false);
    NotificationDispatcher dispatcher = dispatcher(spec("hook", notifier, 100));
    for (int i = 0; i < 20; i++) {
      dispatcher.publish(masterElected());
    }

    dispatcher.close(Duration.ofSeconds(5)).await();

    assertThat(statsOf(dispatcher, "hook").delivered()).isEqualTo(20);
    assertThat(notifier.closed()).isTrue();
    dispatcher.publish(masterElected());
    assertThat(notifier.attempts()).hasSize(20);
  }

  @Test
  void closeGivesUpOnAHangingNotifierAtTheDeadline() {
    RecordingNotifier hanging =
        new RecordingNotifier((event, n) -> Promise.<Void>promise().future(), false);
    NotificationDispatcher dispatcher =
        dispatcher(
            new NotifierSpec("hook", hanging, null, 100, Duration.ofMinutes(1), FAST_RETRY));
    LongStream.range(0, 4).forEach(i -> dispatcher.publish(masterElected()));

    long started = System.nanoTime();
    dispatcher.close(Duration.ofMillis(200)).await();

    assertThat((System.nanoTime() - started) / 1_000_000).isBetween(150L, 5_000L);
    assertThat(statsOf(dispatcher, "hook").droppedAtClose()).isEqualTo(4);
    assertThat(hanging.closed()).isTrue();
  }

  private static ListAppender<ILoggingEvent> captureDispatcherLogs() {
    Logger logger = (Logger) LoggerFactory.getLogger(NotificationDispatcher.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }

  private static long millisBetween(RecordingNotifier.Attempt a, RecordingNotifier.Attempt b) {
    return (b.startedNanos() - a.startedNanos()) / 1_000_000;
  }

  private HaEvent masterElected() {
    return events.stateChange(dbVip, HaState.BACKUP, HaState.MASTER, "master-down timer expired");
  }
}
