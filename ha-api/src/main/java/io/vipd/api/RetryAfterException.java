package io.vipd.api;

import java.time.Duration;

/** A delivery the receiver asked to retry after a given delay (HTTP 429 with {@code Retry-After}). */
public class RetryAfterException extends RuntimeException {
  private final Duration retryAfter;

  public RetryAfterException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
