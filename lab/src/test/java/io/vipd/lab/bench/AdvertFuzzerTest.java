package io.vipd.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.vrrp.DropReason;
import org.junit.jupiter.api.Test;

/** A few thousand fuzzed adverts in CI; {@code bench/fuzz} runs a million and prints the rate. */
class AdvertFuzzerTest {

  @Test
  void everyMutatedAdvertIsAcceptedOrDroppedWithAReasonAndNothingThrows() {
    AdvertFuzzer.Outcome outcome = new AdvertFuzzer(42).run(5_000);

    assertThat(outcome.findings()).as("exceptions that escaped").isEmpty();
    assertThat(outcome.exceptions()).isZero();
    long dropped = outcome.dropped().values().stream().mapToLong(Long::longValue).sum();
    assertThat(outcome.accepted() + dropped).as("every case accounted for").isEqualTo(outcome.cases());
    // the mutations reach the decoder's checks and the state machine's
    assertThat(outcome.dropped()).containsKeys(DropReason.BAD_CHECKSUM, DropReason.WRONG_VRID, DropReason.BAD_TTL);
    assertThat(outcome.accepted()).as("some cases are valid adverts").isPositive();
  }

  @Test
  void theSameSeedFuzzesTheSameWay() {
    assertThat(new AdvertFuzzer(7).run(2_000)).isEqualTo(new AdvertFuzzer(7).run(2_000));
  }
}
