package io.vipd.plugins.webhook;

/** A delivery attempt that failed but may succeed later; the dispatcher retries it. */
final class DeliveryFailedException extends RuntimeException {
  DeliveryFailedException(String message) {
    super(message, null, false, false);
  }
}
