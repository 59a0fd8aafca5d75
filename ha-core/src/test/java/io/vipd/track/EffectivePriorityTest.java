package io.vipd.track;

import static io.vipd.api.CheckStatus.DEGRADED;
import static io.vipd.api.CheckStatus.DOWN;
import static io.vipd.api.CheckStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectivePriorityTest {
  private static final List<TrackedCheck> CHECKS = List.of(
      new TrackedCheck("mysql", -30, -10, false),
      new TrackedCheck("http", -20, 0, false),
      TrackedCheck.faulting("disk"));

  @Test
  void allChecksUpKeepTheBasePriority() {
    assertThat(EffectivePriority.fold(100, CHECKS, Map.of("mysql", UP), Map.of()))
        .isEqualTo(new EffectivePriority(100, false, ""));
  }

  @Test
  void downAndDegradedWeightsAddUp() {
    assertThat(EffectivePriority.fold(100, CHECKS, Map.of("mysql", DEGRADED, "http", DOWN), Map.of()).priority())
        .isEqualTo(70);
    assertThat(EffectivePriority.fold(100, CHECKS, Map.of("mysql", DOWN, "http", DEGRADED), Map.of()).priority())
        .isEqualTo(70);
  }

  @Test
  void priorityIsClampedToOneAnd254() {
    assertThat(EffectivePriority.fold(40, CHECKS, Map.of("mysql", DOWN, "http", DOWN), Map.of()).priority())
        .isEqualTo(1);
    List<TrackedCheck> bonus = List.of(TrackedCheck.weighted("x", 50));
    assertThat(EffectivePriority.fold(250, bonus, Map.of("x", DOWN), Map.of()).priority()).isEqualTo(254);
  }

  @Test
  void addressOwnerKeeps255() {
    assertThat(EffectivePriority.fold(255, CHECKS, Map.of("mysql", DOWN), Map.of()).priority()).isEqualTo(255);
  }

  @Test
  void faultingCheckDownGivesFaultWithItsReason() {
    EffectivePriority p = EffectivePriority.fold(100, CHECKS, Map.of("disk", DOWN), Map.of("disk", "disk full"));
    assertThat(p).isEqualTo(new EffectivePriority(100, true, "check disk DOWN: disk full"));
  }
}
