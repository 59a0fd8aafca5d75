package io.vipd.api;

import io.vipd.api.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"100ms, 100", "1s, 1000", "2.5s, 2500", "1m, 60000", "1h, 3600000", "0, 0", "0s, 0", "40.95s, 40950"})
  void parsesTheSpellingsUsersWrite(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"100, 100ms", "1000, 1s", "2500, 2.5s", "60000, 1m", "0, 0ms", "90000, 90s"})
  void formatsBackToTheShortestSpelling(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @Test
  void rejectsMissingOrUnknownUnitsAndFractionsOfAMillisecond() {
    assertThatThrownBy(() -> Durations.parse("5")).hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> Durations.parse("5sec")).hasMessageContaining("unknown unit `sec`");
    assertThatThrownBy(() -> Durations.parse("1.5ms")).hasMessageContaining("whole number of milliseconds");
    assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("must be a duration");
  }
}
