package io.vipd.api;

/**
 * A delivery attempt that failed but may succeed later (a network error, a timeout, an HTTP 5xx): the
 * daemon retries it with backoff. Any other exception means the same; this one only says so by name.
 */
public class DeliveryFailedException extends RuntimeException {
  public DeliveryFailedException(String message) {
    super(message, null, false, false);
  }
}
