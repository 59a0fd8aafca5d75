package io.vipd.api;

/** A delivery that will not succeed if retried (an HTTP 400, a rejected payload): the daemon drops the event. */
public class PermanentDeliveryException extends RuntimeException {
  public PermanentDeliveryException(String message) {
    super(message);
  }
}
