package io.vipd.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a notifier's failed deliveries are retried: exponential backoff with full jitter (the delay
 * before retry {@code n} is uniform in {@code [0, min(maxDelay, initialDelay * 2^(n-1))]}), at most
 * {@code maxAttempts} attempts per event in total, after which the event is dropped.
 *
 * @param maxAttempts attempts per event including the first; 1 means never retry
 * @param initialDelay the backoff ceiling before the first retry
 * @param maxDelay the largest backoff ceiling
 * @param maxRetryAfter the longest wait honoured when the receiver asks for one
 *     ({@link io.vipd.api.RetryAfterException}); longer requests are capped to this
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** 5 attempts, backoff from 0.5 s up to 30 s, Retry-After honoured up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MAX_RETRY_AFTER);

  /** Never retries: one attempt per event. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    requireNotNegative(initialDelay, "initialDelay");
    requireNotNegative(maxDelay, "maxDelay");
    requireNotNegative(maxRetryAfter, "maxRetryAfter");
  }

  /** Whether another attempt is allowed after {@code failedAttempts} failures of one event. */
  public boolean allowsRetryAfter(int failedAttempts) {
    return failedAttempts < maxAttempts;
  }

  /** The largest backoff before retry number {@code retry} (1 for the first retry). */
  public Duration backoffCeiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
    }
    // Doubling past 2^30 of any useful initial delay exceeds any sane max: stop shifting there.
    long ceiling = initialDelay.toMillis() << Math.min(retry - 1, 30);
    if (ceiling < 0 || ceiling > maxDelay.toMillis()) {
      ceiling = maxDelay.toMillis();
    }
    return Duration.ofMillis(ceiling);
  }

  /** A full-jitter backoff before retry number {@code retry}: uniform in {@code [0, backoffCeiling]}. */
  public Duration backoff(int retry, RandomGenerator random) {
    return Duration.ofMillis(random.nextLong(backoffCeiling(retry).toMillis() + 1));
  }

  /** The wait for a receiver's Retry-After request, capped at {@link #maxRetryAfter}. */
  public Duration retryAfter(Duration requested) {
    if (requested == null || requested.isNegative()) {
      return Duration.ZERO;
    }
    return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
  }

  private static void requireNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }
}
