package io.vipd.plugins.check.mysql;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckResult;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs checks the way the daemon does: {@code check()} on an event-loop thread, the answer awaited with a bound. */
final class Probes {

  /** Longer than any check's own deadline in these tests, so a hang shows up as a test failure. */
  static final Duration WAIT = Duration.ofSeconds(15);

  private Probes() {}

  static HealthCheck create(HealthCheckFactory factory, PluginContext context, JsonObject config) {
    try {
      return factory.create(context, config);
    } catch (Exception e) {
      throw new AssertionError("config rejected: " + e.getMessage(), e);
    }
  }

  /** Starts one probe on an event loop; the future completes with its result. */
  static CompletableFuture<CheckResult> start(Vertx vertx, HealthCheck check) {
    CompletableFuture<CheckResult> result = new CompletableFuture<>();
    vertx.runOnContext(v -> check.check().onComplete(done -> {
      if (done.succeeded()) {
        result.complete(done.result());
      } else {
        result.completeExceptionally(done.cause());
      }
    }));
    return result;
  }

  /** Runs one probe and returns its result. */
  static CheckResult run(Vertx vertx, HealthCheck check) {
    try {
      return start(vertx, check).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the probe did not complete within " + WAIT, e);
    }
  }
}
