package io.vipd.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipd.lab.bench.BenchNode.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchFiguresTest {

  @Test
  void summaryGivesMinMedianAndMaxWhateverTheOrder() {
    Summary odd = Summary.of(List.of(361.0, 12.4, 300.2), 0);
    assertThat(odd.format()).isEqualTo("12 / 300 / 361");

    Summary even = Summary.of(List.of(40.0, 10.0, 30.0, 20.0), 1);
    assertThat(even.median()).isEqualTo(25.0);
    assertThat(even.format()).isEqualTo("10 / 25 / 40 (1 failed)");
  }

  @Test
  void aSettingWithoutMeasurementsSaysSo() {
    assertThat(Summary.of(List.of(), 3).format()).isEqualTo("no data (3 failed)");
  }

  @Test
  void settingsParseAndGiveTheBackupsTimers() {
    BenchSetting v3 = BenchSetting.parse("v3-100ms");
    assertThat(v3).isEqualTo(BenchSetting.V3_100MS);
    assertThat(v3.label()).isEqualTo("v3 100 ms");
    // RFC 5798 section 6.1: Skew_Time = (256 - 100) * 10 cs / 256 = 6 cs (centisecond arithmetic)
    assertThat(v3.skewTime(100)).isEqualTo(Duration.ofMillis(60));
    assertThat(v3.masterDownInterval(100)).isEqualTo(Duration.ofMillis(360));

    BenchSetting v2 = BenchSetting.parse("v2-1s");
    assertThat(v2.label()).isEqualTo("v2 1 s");
    assertThat(v2.masterDownInterval(100).toMillis()).isBetween(3600L, 3610L);

    assertThatThrownBy(() -> BenchSetting.parse("v4-1s")).hasMessageContaining("v2-1s or v3-100ms");
  }

  @Test
  void optionsDefaultToFiveRunsOfEveryEventForBothDaemonsAndBothSettings() {
    BenchOptions defaults = BenchOptions.parse();
    assertThat(defaults.runs()).isEqualTo(5);
    assertThat(defaults.events()).containsExactly(FailoverEvent.values());
    assertThat(defaults.daemons()).containsExactly(Kind.VIPD, Kind.KEEPALIVED);
    assertThat(defaults.settings()).containsExactly(BenchSetting.V2_1S, BenchSetting.V3_100MS);

    BenchOptions some = BenchOptions.parse("--runs", "2", "--events", "dead-host,graceful", "--daemons", "vipd",
        "--seed", "7");
    assertThat(some.runs()).isEqualTo(2);
    assertThat(some.events()).containsExactly(FailoverEvent.DEAD_HOST, FailoverEvent.GRACEFUL_STOP);
    assertThat(some.daemons()).containsExactly(Kind.VIPD);
    assertThat(some.seed()).isEqualTo(7);
    assertThatThrownBy(() -> BenchOptions.parse("--runs", "0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> BenchOptions.parse("--events", "explode")).hasMessageContaining("unknown event");
  }
}
