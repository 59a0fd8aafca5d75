package io.vipd.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * Carries VRRP adverts for one instance. Created by a {@link TransportFactory}.
 *
 * <p>{@link #start} is called on the instance's Vert.x context; the transport must deliver received
 * adverts on that same context (capture it with {@code vertx.getOrCreateContext()} in {@code start} and
 * {@code runOnContext}), in arrival order. Packets the transport itself rejects (authentication, replay)
 * are dropped and counted by the transport and never delivered.
 */
public interface AdvertTransport {

  /** Opens sockets and begins delivering received adverts to {@code receiver}. */
  Future<Void> start(Handler<ReceivedAdvert> receiver);

  /** Sends one advert to the group (or to every peer). */
  Future<Void> send(OutgoingAdvert advert);

  /** Closes sockets; no delivery happens after the returned future completes. */
  Future<Void> stop();

  /** Packets this transport dropped itself, by reason ({@code bad-hmac}, {@code replay}), for the metrics API. */
  default java.util.Map<String, Long> dropCounts() {
    return java.util.Map.of();
  }

  /** A one-line description for logs and status ({@code udp to 10.0.0.2:5405, 10.0.0.3:5405}). */
  String describe();
}
