package com.example.vipd.diskfree;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.HealthCheck;
import java.time.Duration;
import java.util.Map;

/** One probe: asks Vert.x (without blocking the event loop) how much of the filesystem is free. */
final class DiskFreeHealthCheck implements HealthCheck {
  private final Vertx vertx;
  private final String path;
  private final double minFreePercent;
  private final double degradedBelowPercent;

  DiskFreeHealthCheck(Vertx vertx, String path, double minFreePercent, double degradedBelowPercent) {
    this.vertx = vertx;
    this.path = path;
    this.minFreePercent = minFreePercent;
    this.degradedBelowPercent = degradedBelowPercent;
  }

  @Override
  public Future<CheckResult> check() {
    long started = System.nanoTime();
    return vertx.fileSystem().fsProps(path).map(props -> {
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      double freePercent = props.totalSpace() == 0 ? 0 : 100.0 * props.usableSpace() / props.totalSpace();
      String message = String.format("%.1f%% free on %s", freePercent, path);
      CheckResult result;
      if (freePercent < minFreePercent) {
        result = CheckResult.down(message + " (needs " + minFreePercent + "%)", latency);
      } else if (freePercent < degradedBelowPercent) {
        result = CheckResult.degraded(message + " (degraded below " + degradedBelowPercent + "%)", latency);
      } else {
        result = CheckResult.up(message, latency);
      }
      return result.withMetrics(Map.of("disk_free_percent", freePercent));
    });
    // a failed future (no such path) is DOWN with its message: the daemon does that for us
  }
}
