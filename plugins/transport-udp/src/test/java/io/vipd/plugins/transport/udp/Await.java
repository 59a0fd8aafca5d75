package io.vipd.plugins.transport.udp;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Blocks a test thread on a Vert.x future, with a deadline. */
final class Await {

  private Await() {}

  static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not succeed within 10 s", e);
    }
  }
}
