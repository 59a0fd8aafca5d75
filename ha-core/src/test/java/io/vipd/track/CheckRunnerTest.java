package io.vipd.track;

import static io.vipd.api.CheckStatus.DOWN;
import static io.vipd.api.CheckStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.vertx.Contexts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real Vert.x timers, short intervals, scripted checks. One event-loop thread, so that anything a check
 * did on an event loop would stall every other context.
 */
class CheckRunnerTest {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final List<String> changes = new CopyOnWriteArrayList<>();
  private CheckRunner runner;

  record Change(CheckStatus old, CheckStatus now, String message) {}

  @AfterEach
  void close() {
    if (runner != null) {
      runner.stop().await();
    }
    vertx.close().await();
  }

  private CheckRunner start(HealthCheck check, CheckSchedule schedule) {
    runner = new CheckRunner(vertx, "svc", check, schedule);
    runner.addListener((name, old, now, result) -> changes.add(name + " " + old + "->" + now + ": " + result.message()));
    runner.start();
    return runner;
  }

  private static CheckSchedule every(long intervalMs, long timeoutMs, int rise, int fall) {
    return new CheckSchedule(Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs), rise, fall);
  }

  @Test
  void serviceGoesDownAfterFallFailuresAndBackAfterRiseSuccesses() {
    AtomicReference<CheckStatus> answer = new AtomicReference<>(UP);
    AtomicInteger calls = new AtomicInteger();
    start(() -> {
      calls.incrementAndGet();
      return Future.succeededFuture(new CheckResult(answer.get(), "answer " + answer.get(), Duration.ZERO, null));
    }, every(20, 200, 2, 3));
    await().until(() -> calls.get() >= 2);
    assertThat(changes).isEmpty();

    int before = calls.get();
    answer.set(DOWN);
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.status() == DOWN);
    assertThat(calls.get() - before).isGreaterThanOrEqualTo(3);
    answer.set(UP);
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.status() == UP);

    assertThat(changes).containsExactly("svc UP->DOWN: answer DOWN", "svc DOWN->UP: answer UP");
  }

  @Test
  void checkThatThrowsIsDownWithItsMessage() {
    start(() -> {
      throw new IllegalStateException("boom in plugin");
    }, every(50, 200, 1, 1));

    await().atMost(Duration.ofSeconds(5)).until(() -> !changes.isEmpty());
    assertThat(changes).containsExactly("svc UP->DOWN: boom in plugin");
  }

  @Test
  void failedFutureIsDownWithItsMessage() {
    start(() -> Future.failedFuture("connection refused"), every(50, 200, 1, 1));

    await().atMost(Duration.ofSeconds(5)).until(() -> !changes.isEmpty());
    assertThat(changes).containsExactly("svc UP->DOWN: connection refused");
  }

  @Test
  void checkThatNeverAnswersTimesOutIsNotCalledAgainAndItsLateAnswerIsIgnored() {
    AtomicInteger calls = new AtomicInteger();
    Promise<CheckResult> hanging = Promise.promise();
    start(() -> calls.incrementAndGet() == 1 ? hanging.future()
        : Future.succeededFuture(CheckResult.up("fresh answer", Duration.ZERO)), every(50, 100, 1, 1));

    // the listener runs just after status() changes: wait for what is asserted
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.status() == DOWN && changes.size() == 1);
    assertThat(changes).containsExactly("svc UP->DOWN: timed out after 100ms");
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.lastResult().message().startsWith("previous call still running"));
    assertThat(calls).hasValue(1);

    hanging.complete(CheckResult.up("late answer", Duration.ZERO));
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.status() == UP && changes.size() == 2);
    assertThat(changes).containsExactly("svc UP->DOWN: timed out after 100ms", "svc DOWN->UP: fresh answer");
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
  }

  /** A cold JVM makes the first call slow (class loading); only later calls are held to the timeout. */
  @Test
  void firstCallMayTakeTheStartupGraceButLaterCallsOnlyTheTimeout() {
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean slowAgain = new AtomicBoolean(false);
    runner = new CheckRunner(vertx, "svc", () -> {
      // the first call is slow (a cold start), later ones fast until the test makes them slow again
      boolean slow = calls.incrementAndGet() == 1 || slowAgain.get();
      Promise<CheckResult> p = Promise.promise();
      vertx.setTimer(slow ? 300 : 1, t -> p.complete(CheckResult.up("ok", Duration.ZERO)));
      return p.future();
    }, every(50, 100, 1, 1), Duration.ofSeconds(2));
    runner.addListener((name, old, now, result) -> changes.add(name + " " + old + "->" + now + ": " + result.message()));
    runner.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> runner.lastResult() != null);
    assertThat(runner.lastResult().status()).isEqualTo(UP);
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
    assertThat(changes).isEmpty();

    slowAgain.set(true);
    // the listener runs just after status() changes: wait for what is asserted
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.status() == DOWN && changes.size() == 1);
    assertThat(changes).containsExactly("svc UP->DOWN: timed out after 100ms");
  }

  @Test
  void slowChecksAreNeverCalledConcurrently() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    // each call takes about three intervals, but stays within its timeout
    start(() -> {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      Promise<CheckResult> p = Promise.promise();
      vertx.setTimer(60, t -> {
        running.decrementAndGet();
        completed.incrementAndGet();
        p.complete(CheckResult.up("ok", Duration.ofMillis(60)));
      });
      return p.future();
    }, every(20, 1000, 1, 1));

    await().atMost(Duration.ofSeconds(5)).until(() -> completed.get() >= 5);
    assertThat(maxRunning).hasValue(1);
    assertThat(changes).isEmpty();
  }

  /**
   * A plugin that breaks the contract and sleeps inside check() must not delay timers of other contexts
   * (the VRRP instances' advert timers): the runner calls plugins on a worker context of their own.
   */
  @Test
  void checkThatSleepsDoesNotDelayAdvertTimersOnOtherContexts() {
    AtomicBoolean sleepDone = new AtomicBoolean();
    AtomicInteger calls = new AtomicInteger();
    // stand-in for a VRRP instance: a 100 ms periodic timer on an event-loop context of its own
    Context instance = Contexts.eventLoop(vertx);
    AtomicLong last = new AtomicLong();
    AtomicLong maxGapNanos = new AtomicLong();
    AtomicInteger ticks = new AtomicInteger();
    instance.runOnContext(v -> {
      last.set(System.nanoTime());
      vertx.setPeriodic(100, id -> {
        long now = System.nanoTime();
        maxGapNanos.accumulateAndGet(now - last.getAndSet(now), Math::max);
        ticks.incrementAndGet();
      });
    });
    await().until(() -> ticks.get() >= 2);
    maxGapNanos.set(0);

    Supplier<Future<CheckResult>> sleeper = () -> {
      if (calls.incrementAndGet() == 1) {
        try {
          Thread.sleep(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        sleepDone.set(true);
      }
      return Future.succeededFuture(CheckResult.up("woke up", Duration.ZERO));
    };
    start(sleeper::get, every(100, 500, 1, 1));

    await().atMost(Duration.ofSeconds(10)).until(sleepDone::get);
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.status() == UP && changes.size() == 2);
    assertThat(changes).containsExactly("svc UP->DOWN: timed out after 500ms", "svc DOWN->UP: woke up");
    // 100 ms period; a 2 s stall would show as a gap near 2 s. The margin absorbs a loaded 2-core machine.
    assertThat(Duration.ofNanos(maxGapNanos.get())).isLessThan(Duration.ofMillis(600));
    assertThat(ticks.get()).isGreaterThanOrEqualTo(15);
  }
}
