package io.vipd.api;

import io.vertx.core.Future;

/**
 * One configured health check, created by a {@link HealthCheckFactory}.
 *
 * <p>The daemon calls {@link #check()} once per interval on an event-loop thread, never twice at the
 * same time for the same check. It applies its own timeout: a check that has not completed by then is
 * DOWN ("timed out after 2s") and its late answer is ignored, so a check should also bound its own
 * resources (close a connection it opened).
 */
public interface HealthCheck {

  /**
   * Probes the service once. Must not block the calling thread; a failed future or a thrown exception
   * counts as DOWN with the exception's message.
   */
  Future<CheckResult> check();

  /** Releases what the check holds (pools, clients). Called once when the daemon stops. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
