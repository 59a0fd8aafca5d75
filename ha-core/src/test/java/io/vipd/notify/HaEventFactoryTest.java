package io.vipd.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.api.CheckStatus;
import io.vipd.api.HaEvent;
import io.vipd.api.HaState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HaEventFactoryTest {
  private final Instant now = Instant.parse("2025-03-01T12:00:00Z");
  private final HaEventFactory factory =
      new HaEventFactory("db1", Clock.fixed(now, ZoneOffset.UTC));
  private static final HaEventFactory.InstanceFacts DB_VIP =
      new HaEventFactory.InstanceFacts("db-vip", 51, 100, 90, List.of("10.0.0.100/24"));

  @Test
  void stateChangeCarriesTheInstanceFactsTheClockAndTheReason() {
    HaEvent event =
        factory.stateChange(DB_VIP, HaState.BACKUP, HaState.MASTER, "master-down timer expired");

    assertThat(event.sequence()).isEqualTo(1);
    assertThat(event.timestamp()).isEqualTo(now);
    assertThat(event.node()).isEqualTo("db1");
    assertThat(event.kind()).isEqualTo(HaEvent.Kind.STATE_CHANGE);
    assertThat(event.instance()).isEqualTo("db-vip");
    assertThat(event.vrid()).isEqualTo(51);
    assertThat(event.from()).isEqualTo(HaState.BACKUP);
    assertThat(event.to()).isEqualTo(HaState.MASTER);
    assertThat(event.reason()).isEqualTo("master-down timer expired");
    assertThat(event.basePriority()).isEqualTo(100);
    assertThat(event.effectivePriority()).isEqualTo(90);
    assertThat(event.vips()).containsExactly("10.0.0.100/24");
    assertThat(event.check()).isNull();
    assertThat(event.checkStatus()).isNull();
  }

  @Test
  void checkChangeOfAnUntrackedCheckHasNoInstance() {
    HaEvent event =
        factory.checkChange(
            "disk", CheckStatus.DEGRADED, HaEventFactory.InstanceFacts.NONE, "check disk DEGRADED");

    assertThat(event.kind()).isEqualTo(HaEvent.Kind.CHECK_CHANGE);
    assertThat(event.check()).isEqualTo("disk");
    assertThat(event.checkStatus()).isEqualTo(CheckStatus.DEGRADED);
    assertThat(event.instance()).isEmpty();
    assertThat(event.vrid()).isZero();
    assertThat(event.from()).isNull();
    assertThat(event.to()).isNull();
  }

  @Test
  void sequenceNumbersAreUniqueAndGaplessAcrossThreads() {
    ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    IntStream.range(0, 4000)
        .parallel()
        .forEach(
            i ->
                seen.add(
                    factory
                        .stateChange(DB_VIP, HaState.INIT, HaState.BACKUP, "start")
                        .sequence()));

    assertThat(seen).hasSize(4000).doesNotHaveDuplicates();
    assertThat(List.copyOf(seen)).allMatch(s -> s >= 1 && s <= 4000);
    assertThat(factory.lastSequence()).isEqualTo(4000);
  }
}
