package io.vipd.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {
  private final Instant now = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void secondsAreReadAsADelay() {
    assertThat(RetryAfterException.parseRetryAfterHeader(" 120 ", now)).contains(Duration.ofSeconds(120));
  }

  @Test
  void httpDateIsReadAsTheTimeLeftUntilThen() {
    assertThat(RetryAfterException.parseRetryAfterHeader("Wed, 21 Oct 2015 07:28:30 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfterException.parseRetryAfterHeader("Wed, 21 Oct 2015 07:00:00 GMT", now))
        .contains(Duration.ZERO);
  }

  @Test
  void missingOrMalformedValuesGiveNothing() {
    assertThat(RetryAfterException.parseRetryAfterHeader(null, now)).isEmpty();
    assertThat(RetryAfterException.parseRetryAfterHeader("soon", now)).isEmpty();
    assertThat(RetryAfterException.parseRetryAfterHeader("-5", now)).isEmpty();
  }
}
