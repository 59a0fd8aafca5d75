package io.vipd.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofSeconds(2));

  @Test
  void backoffCeilingDoublesPerRetryUpToTheMaximum() {
    assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffCeiling(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoffCeiling(4)).isEqualTo(Duration.ofMillis(700));
    assertThat(policy.backoffCeiling(500)).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void fullJitterStaysBetweenZeroAndTheCeilingAndSpreadsOut() {
    SplittableRandom random = new SplittableRandom(7);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2000; i++) {
      long delay = policy.backoff(3, random).toMillis();
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertThat(min).isBetween(0L, 20L);
    assertThat(max).isBetween(380L, 400L);
  }

  @Test
  void retryAfterIsHonouredUpToItsCap() {
    assertThat(policy.retryAfter(Duration.ofMillis(1500))).isEqualTo(Duration.ofMillis(1500));
    assertThat(policy.retryAfter(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.retryAfter(null)).isEqualTo(Duration.ZERO);
  }

  @Test
  void maxAttemptsCountsTheFirstAttempt() {
    assertThat(policy.allowsRetryAfter(5)).isTrue();
    assertThat(policy.allowsRetryAfter(6)).isFalse();
    assertThat(RetryPolicy.NONE.allowsRetryAfter(1)).isFalse();
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("initialDelay");
  }
}
