package io.vipd.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RFC timer formulas, in integer centiseconds. */
class VrrpTimersTest {

  @ParameterizedTest(name = "v{0} priority {1} interval {2} cs: skew {3} cs, down {4} cs")
  @CsvSource({
      // version, priority, Master_Adver_Interval cs, Skew_Time cs, Master_Down_Interval cs
      "3, 100, 100,   60,   360", // 156 * 100 / 256 = 60.9, truncated
      "3, 255, 100,    0,   300", // the owner has (almost) no skew
      "3,   1, 100,   99,   399",
      "3, 100, 300,  182,  1082", // v3 skew scales with the learned interval
      "3,   1, 4095, 4079, 16364", // largest interval
      "3, 200,  10,    2,    32", // sub-second: 100 ms adverts
      "2, 100, 100,   60,   360",
      "2, 100, 300,   60,   960", // v2 skew is (256 - priority) / 256 s whatever the interval
      "2, 254, 100,    0,   300",
  })
  void formulasMatchTheRfc(int version, int priority, int intervalCentis, int skewCentis, int downCentis) {
    assertThat(VrrpTimers.skewTime(version, priority, intervalCentis)).isEqualTo(Duration.ofMillis(skewCentis * 10L));
    assertThat(VrrpTimers.masterDownInterval(version, priority, intervalCentis))
        .isEqualTo(Duration.ofMillis(downCentis * 10L));
  }

  @ParameterizedTest(name = "v{0} wire {1} -> {2} cs")
  @CsvSource({"2, 1, 100", "2, 3, 300", "3, 100, 100", "3, 5, 5"})
  void wireIntervalIsSecondsInV2AndCentisecondsInV3(int version, int wire, int centis) {
    assertThat(VrrpTimers.wireIntervalToCentis(version, wire)).isEqualTo(centis);
  }
}
