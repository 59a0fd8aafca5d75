package io.vipd.plugins.check.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vipd.api.CheckResult;
import io.vipd.api.HealthCheck;
import java.time.Duration;
import java.util.Map;

/** One HTTP exchange per probe, judged by status, then body, then latency. */
final class HttpHealthCheck implements HealthCheck {
  private static final int MAX_BODY_IN_MESSAGE = 80;

  private final HttpCheckConfig config;
  private final WebClient client;

  HttpHealthCheck(Vertx vertx, HttpCheckConfig config) {
    this.config = config;
    WebClientOptions options = new WebClientOptions()
        .setConnectTimeout((int) config.requestTimeout().toMillis())
        .setKeepAlive(false)
        .setFollowRedirects(false);
    if (config.insecure()) {
      options.setTrustAll(true).setVerifyHost(false);
    } else if (config.caFile() != null) {
      options.setTrustOptions(new PemTrustOptions().addCertPath(config.caFile().toString()));
    }
    this.client = WebClient.create(vertx, options);
  }

  @Override
  public Future<CheckResult> check() {
    long started = System.nanoTime();
    HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(config.method()), config.url())
        .timeout(config.requestTimeout().toMillis());
    config.headers().forEach(request::putHeader);
    return request.send().transform(ar -> {
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      return Future.succeededFuture(ar.succeeded()
          ? judge(ar.result(), latency)
          : CheckResult.down("request failed: " + describe(ar.cause()), latency));
    });
  }

  private CheckResult judge(HttpResponse<Buffer> response, Duration latency) {
    int status = response.statusCode();
    if (!config.statusAccepted(status)) {
      return CheckResult.down("status " + status + ", expected "
          + (config.expectStatus().isEmpty() ? "2xx" : config.expectStatus().toString()), latency);
    }
    String body = response.bodyAsString();
    body = body == null ? "" : body;
    if (config.bodyContains() != null && !body.contains(config.bodyContains())) {
      return CheckResult.down("body does not contain '" + config.bodyContains() + "': " + excerpt(body), latency);
    }
    if (config.bodyRegex() != null && !config.bodyRegex().matcher(body).find()) {
      return CheckResult.down("body does not match /" + config.bodyRegex().pattern() + "/: " + excerpt(body), latency);
    }
    String message = "status " + status + " in " + latency.toMillis() + " ms";
    CheckResult result = config.degradedLatency() != null && latency.compareTo(config.degradedLatency()) > 0
        ? CheckResult.degraded(message + " (degraded above " + config.degradedLatency().toMillis() + " ms)", latency)
        : CheckResult.up(message, latency);
    return result.withMetrics(Map.of("http_status", (double) status));
  }

  private static String excerpt(String body) {
    String flat = body.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_BODY_IN_MESSAGE ? "'" + flat + "'" : "'" + flat.substring(0, MAX_BODY_IN_MESSAGE) + "...'";
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : e.getClass().getSimpleName() + ": " + message;
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
