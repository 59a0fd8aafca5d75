package io.vipd.track;

import static io.vipd.api.CheckStatus.DEGRADED;
import static io.vipd.api.CheckStatus.DOWN;
import static io.vipd.api.CheckStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.api.CheckStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HysteresisTest {

  private static List<CheckStatus> stableAfterEach(Hysteresis h, CheckStatus... raw) {
    List<CheckStatus> out = new ArrayList<>();
    for (CheckStatus s : raw) {
      h.accept(s);
      out.add(h.current());
    }
    return out;
  }

  @Test
  void serviceDownAtStartUpIsDownAfterTheFirstProbe() {
    Hysteresis h = new Hysteresis(3, 3);
    assertThat(h.current()).isEqualTo(UP);
    assertThat(h.accept(DOWN)).contains(DOWN);
  }

  @Test
  void healthyServiceAtStartUpStaysUpWithoutAnEvent() {
    assertThat(new Hysteresis(3, 3).accept(UP)).isEmpty();
  }

  @Test
  void goingDownNeedsFallFailuresInARow() {
    Hysteresis h = new Hysteresis(2, 3);
    assertThat(stableAfterEach(h, UP, DOWN, DOWN, UP, DOWN, DOWN, DOWN))
        .containsExactly(UP, UP, UP, UP, UP, UP, DOWN);
  }

  @Test
  void comingBackNeedsRiseSuccessesInARow() {
    Hysteresis h = new Hysteresis(2, 1);
    assertThat(stableAfterEach(h, DOWN, UP, DOWN, UP, UP)).containsExactly(DOWN, DOWN, DOWN, DOWN, UP);
  }

  @Test
  void degradedCountsAsWorseThanUpAndBetterThanDown() {
    Hysteresis h = new Hysteresis(2, 2);
    assertThat(stableAfterEach(h, UP, DEGRADED, DEGRADED, DOWN, DOWN, DEGRADED, DEGRADED))
        .containsExactly(UP, UP, DEGRADED, DEGRADED, DOWN, DOWN, DEGRADED);
  }

  @Test
  void mixedBadResultsRestartTheCount() {
    Hysteresis h = new Hysteresis(1, 2);
    assertThat(stableAfterEach(h, UP, DOWN, DEGRADED, DOWN, DEGRADED)).containsOnly(UP);
  }
}
