package io.vipd.api;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * What an HTTP notifier's answer means for {@link Notifier#send}: 2xx delivered; 429 (and 408) retried,
 * after the {@code Retry-After} delay when one is given; 5xx retried with backoff
 * ({@link DeliveryFailedException}); any other status rejected for good ({@link PermanentDeliveryException}),
 * because sending the same request again cannot help.
 */
public final class HttpDeliveryOutcome {
  private HttpDeliveryOutcome() {}

  /**
   * The delivery result of an HTTP answer.
   *
   * @param status the HTTP status code
   * @param retryAfter the {@code Retry-After} header, or null
   * @param target names the endpoint in messages (never a secret URL)
   * @param detail appended to the message, such as the receiver's short error code; may be empty
   * @param now the current time, for an HTTP-date {@code Retry-After}
   */
  public static Future<Void> of(int status, String retryAfter, String target, String detail, Instant now) {
    if (status >= 200 && status < 300) {
      return Future.succeededFuture();
    }
    String message = target + " answered HTTP " + status + detail;
    if (status == 429 || status == 408) {
      return Future.failedFuture(
          RetryAfterException.parseRetryAfterHeader(retryAfter, now)
              .<RuntimeException>map(delay -> new RetryAfterException(message, delay))
              .orElseGet(() -> new DeliveryFailedException(message)));
    }
    if (status >= 500) {
      return Future.failedFuture(new DeliveryFailedException(message));
    }
    return Future.failedFuture(new PermanentDeliveryException(message));
  }
}
