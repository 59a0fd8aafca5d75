package io.vipd.track;

import static io.vipd.api.CheckStatus.DEGRADED;
import static io.vipd.api.CheckStatus.DOWN;
import static io.vipd.api.CheckStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackerTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final TrackListener recorder = new TrackListener() {
    @Override
    public void priorityChanged(int effective) {
      events.add("priority " + effective);
    }

    @Override
    public void faultChanged(boolean fault, String reason) {
      events.add("fault " + fault + " (" + reason + ")");
    }

    @Override
    public void checkChanged(String name, CheckStatus old, CheckStatus now, String message) {
      events.add(name + " " + old + "->" + now);
    }
  };

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Tracker tracker(int base, List<TrackedCheck> checks) {
    Context context = vertx.getOrCreateContext();
    return new Tracker(context, base, checks, recorder);
  }

  private static CheckResult result(CheckStatus status, String message) {
    return new CheckResult(status, message, Duration.ZERO, null);
  }

  @Test
  void mysqlDownLowersPriorityAndRecoveryRestoresIt() {
    Tracker tracker = tracker(100, List.of(new TrackedCheck("mysql", -30, -10, false)));
    assertThat(tracker.current().priority()).isEqualTo(100);

    tracker.onCheckChanged("mysql", UP, DEGRADED, result(DEGRADED, "lag 12 s"));
    tracker.onCheckChanged("mysql", DEGRADED, DOWN, result(DOWN, "refused"));
    tracker.onCheckChanged("mysql", DOWN, UP, result(UP, "ok"));

    await().until(() -> events.size() == 6);
    assertThat(events).containsExactly(
        "priority 90", "mysql UP->DEGRADED",
        "priority 70", "mysql DEGRADED->DOWN",
        "priority 100", "mysql DOWN->UP");
  }

  @Test
  void faultingCheckDownPutsTheInstanceInFaultAndBack() {
    Tracker tracker = tracker(100, List.of(TrackedCheck.faulting("disk"), TrackedCheck.weighted("http", -20)));

    tracker.onCheckChanged("disk", UP, DOWN, result(DOWN, "read-only filesystem"));
    tracker.onCheckChanged("disk", DOWN, UP, result(UP, "writable"));

    await().until(() -> events.size() == 4);
    assertThat(events).containsExactly(
        "fault true (check disk DOWN: read-only filesystem)", "disk UP->DOWN",
        "fault false (check disk UP: writable)", "disk DOWN->UP");
    assertThat(tracker.current()).isEqualTo(new EffectivePriority(100, false, ""));
  }

  @Test
  void checksOfOtherInstancesAreIgnored() {
    Tracker tracker = tracker(100, List.of(TrackedCheck.weighted("http", -20)));

    tracker.onCheckChanged("mysql", UP, DOWN, result(DOWN, "refused"));
    tracker.onCheckChanged("http", UP, DOWN, result(DOWN, "503"));

    await().until(() -> events.size() == 2);
    assertThat(events).containsExactly("priority 80", "http UP->DOWN");
  }

  @Test
  void runnerFeedsTrackerEndToEnd() {
    AtomicReference<CheckStatus> answer = new AtomicReference<>(DOWN);
    CheckRunner runner = new CheckRunner(vertx, "http",
        () -> Future.succeededFuture(result(answer.get(), "status " + answer.get())),
        new CheckSchedule(Duration.ofMillis(20), Duration.ofMillis(200), 2, 2));
    Tracker tracker = tracker(150, List.of(TrackedCheck.weighted("http", -60)));
    assertThat(tracker.attach(runner)).isTrue();
    runner.start();
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("http UP->DOWN"));
      answer.set(UP);
      await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("http DOWN->UP"));
      assertThat(events).containsExactly("priority 90", "http UP->DOWN", "priority 150", "http DOWN->UP");
    } finally {
      runner.stop().await();
    }
  }
}
