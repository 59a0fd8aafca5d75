package io.vipd.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerHealthTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration MDI = Duration.ofMillis(360);
  private static final long MS = 1_000_000;

  @Test
  void advertsLateByMoreThanHalfAnIntervalAreCounted() {
    TimerHealth health = new TimerHealth("vi");
    health.fired(0, 50 * MS, true, INTERVAL);
    assertThat(health.lateAdverts()).as("50 ms late: on time enough").isZero();
    health.fired(0, 51 * MS, true, INTERVAL);
    health.fired(0, 200 * MS, false, INTERVAL);
    assertThat(health.lateAdverts()).as("a backup's timer is no advert").isEqualTo(1);
  }
}
