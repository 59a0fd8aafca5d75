package io.vipd.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one probe of a {@link HealthCheck} found.
 *
 * @param status UP, DEGRADED or DOWN
 * @param message a short human reason, shown in logs, status and notifications
 *     ("connection refused", "replication lag 42 s")
 * @param latency how long the probe took
 * @param metrics optional numeric figures exported on the metrics API (name to value), never null
 */
public record CheckResult(CheckStatus status, String message, Duration latency, Map<String, Double> metrics) {

  public CheckResult {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
    latency = latency == null ? Duration.ZERO : latency;
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }

  public static CheckResult up(String message, Duration latency) {
    return new CheckResult(CheckStatus.UP, message, latency, Map.of());
  }

  public static CheckResult degraded(String message, Duration latency) {
    return new CheckResult(CheckStatus.DEGRADED, message, latency, Map.of());
  }

  public static CheckResult down(String message, Duration latency) {
    return new CheckResult(CheckStatus.DOWN, message, latency, Map.of());
  }

  /** The same result carrying these metrics. */
  public CheckResult withMetrics(Map<String, Double> metrics) {
    return new CheckResult(status, message, latency, metrics);
  }
}
