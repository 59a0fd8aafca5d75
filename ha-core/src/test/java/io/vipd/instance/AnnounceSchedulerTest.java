package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
import io.vipd.config.TrackConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vipd.config.VipConfig;
import io.vipd.vrrp.ChecksumMode;
import io.vipd.vrrp.VrrpSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnnounceSchedulerTest {
  private static final VipConfig VIP = new VipConfig(InMemorySegment.address("10.99.0.10"), 24, Optional.empty());

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  private final AtomicBoolean master = new AtomicBoolean(true);

  private AnnounceScheduler scheduler(AnnounceSchedule schedule, RecordingAddresses announcer, Context context) {
    InstanceSpec spec = new InstanceSpec("vip", "eth0", VrrpSettings.of(51, 3, 100, InMemorySegment.address("10.99.0.11")),
        List.of(VIP), ChecksumMode.PSEUDO_HEADER, schedule, TrackConfig.NONE, List.of());
    return new AnnounceScheduler(() -> spec, announcer, context, master::get);
  }

  @Test
  void noRoundLeavesAHostThatIsNotMasterAnyMore() {
    RecordingAddresses announcer = new RecordingAddresses();
    Context context = vertx.getOrCreateContext();
    // a refresh every 20 ms: rounds keep coming due until the schedule is cancelled
    AnnounceScheduler scheduler = scheduler(
        new AnnounceSchedule(1, Duration.ZERO, Duration.ZERO, 0, Duration.ofMillis(20)), announcer, context);
    context.runOnContext(v -> scheduler.announceNow());
    await().atMost(Duration.ofSeconds(2)).until(() -> announcer.announced.size() >= 3);

    // the instance yields on its context, where every round runs; its cancel() has not run yet
    AtomicInteger sent = new AtomicInteger(-1);
    context.runOnContext(v -> {
      master.set(false);
      sent.set(announcer.announced.size());
    });
    await().atMost(Duration.ofSeconds(2)).until(() -> sent.get() >= 0);
    AtomicBoolean later = new AtomicBoolean();
    vertx.setTimer(200, id -> context.runOnContext(v -> {
      scheduler.announceOnce();
      later.set(true);
    }));
    await().atMost(Duration.ofSeconds(2)).until(later::get);
    assertThat(announcer.announced).as("rounds after leaving master").hasSize(sent.get());
    context.runOnContext(v -> scheduler.cancel());
  }

  @Test
  void newMasterAnnouncesABurstThenOnceMoreAfterTheNeighboursLocktime() {
    RecordingAddresses announcer = new RecordingAddresses();
    Context context = vertx.getOrCreateContext();
    AnnounceScheduler scheduler = scheduler(AnnounceSchedule.KEEPALIVED_DEFAULTS, announcer, context);
    long start = System.nanoTime();

    context.runOnContext(v -> scheduler.announceNow());

    await().atMost(Duration.ofSeconds(1)).until(() -> announcer.announced.size() == 5);
    await().atMost(Duration.ofSeconds(3)).until(() -> announcer.announced.size() == 6);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(AnnounceScheduler.AFTER_LOCKTIME);
  }

  @Test
  void cancelStopsTheRoundsStillToCome() {
    RecordingAddresses announcer = new RecordingAddresses();
    Context context = vertx.getOrCreateContext();
    AnnounceScheduler scheduler = scheduler(
        new AnnounceSchedule(1, Duration.ZERO, Duration.ofMillis(300), 3, Duration.ZERO), announcer, context);

    context.runOnContext(v -> {
      scheduler.announceNow();
      scheduler.cancel();
    });
    // a round that is still to come would have been sent by 300 ms; a marker timer 600 ms later proves it was not
    long[] fired = new long[1];
    vertx.setTimer(600, id -> fired[0] = 1);
    await().atMost(Duration.ofSeconds(2)).until(() -> fired[0] == 1);
    assertThat(announcer.announced).hasSize(1);
  }
}
