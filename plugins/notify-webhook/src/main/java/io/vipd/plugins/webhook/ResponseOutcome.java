package io.vipd.plugins.webhook;

import io.vertx.core.Future;
import io.vipd.api.PermanentDeliveryException;
import io.vipd.api.RetryAfterException;
import java.time.Instant;

/**
 * Turns an HTTP answer into a delivery result: 2xx delivered; 429 (and 408) retried, after the
 * {@code Retry-After} delay when one is given; 5xx retried with backoff; any other status rejected for
 * good ({@link PermanentDeliveryException}), because sending the same request again cannot help.
 */
final class ResponseOutcome {
  private ResponseOutcome() {}

  /**
   * @param target names the endpoint in messages (never a secret URL)
   * @param detail appended to the message, such as the receiver's short error code; may be empty
   */
  static Future<Void> of(int status, String retryAfter, String target, String detail, Instant now) {
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
