package io.vipd.api;

import io.vertx.core.Future;

/**
 * One configured notifier, created by a {@link NotifierFactory}.
 *
 * <p>The daemon feeds each notifier from its own bounded queue, one event at a time and in order, and
 * owns retries: {@link #send} makes one attempt. A failed future means "try again later" unless it
 * fails with {@link PermanentDeliveryException}; a {@link RetryAfterException} asks for a given delay.
 */
public interface Notifier {

  /** Delivers one event, one attempt. Must not block the calling thread. */
  Future<Void> send(HaEvent event);

  /** Whether this notifier also wants {@link HaEvent.Kind#CHECK_CHANGE} events (default: only state changes). */
  default boolean wantsCheckEvents() {
    return false;
  }

  /** Releases what the notifier holds. Called once when the daemon stops. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
