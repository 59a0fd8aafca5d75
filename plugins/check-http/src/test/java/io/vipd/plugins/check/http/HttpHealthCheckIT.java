package io.vipd.plugins.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.PluginConfigException;
import io.vipd.plugin.DaemonPluginContext;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.plugin.PluginHost;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/** The packaged check-http jar, loaded by the real plugin manager, against Vert.x HTTP(S) servers on loopback. */
class HttpHealthCheckIT {
  @TempDir static Path plugins;
  static PluginHost host;
  static Vertx vertx;
  static HttpServer server;
  static HttpServer tlsServer;
  static SelfSignedCertificate certificate;
  final List<HealthCheck> checks = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    host = PackagedPlugin.load(plugins);
    server = vertx.createHttpServer().requestHandler(request -> {
      switch (request.path()) {
        case "/health" -> request.response().end("{\"status\":\"ok\",\"replicas\":3}");
        case "/empty" -> request.response().setStatusCode(204).end();
        case "/broken" -> request.response().setStatusCode(503).end("maintenance");
        case "/slow" -> vertx.setTimer(300, t -> request.response().end("ok"));
        case "/auth" -> request.response().setStatusCode(
            "Bearer s3cret".equals(request.getHeader("Authorization")) ? 200 : 401).end();
        default -> request.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").await();
    certificate = SelfSignedCertificate.create("localhost");
    tlsServer = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
        .requestHandler(request -> request.response().end("secure ok"))
        .listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    host.close();
    certificate.delete();
    vertx.close().await();
  }

  @AfterEach
  void closeChecks() {
    checks.forEach(c -> c.close().await());
  }

  private CheckResult probe(JsonObject config) throws PluginConfigException {
    HealthCheck check = host.checks().get("http").orElseThrow()
        .create(DaemonPluginContext.of(vertx, "node-a", "http", "web", v -> v), config);
    checks.add(check);
    return check.check().await();
  }

  private static JsonObject url(String path) {
    return new JsonObject().put("url", "http://127.0.0.1:" + server.actualPort() + path);
  }

  @Test
  void pluginLoadsFromItsJarAndProvidesTypeHttp() {
    assertThat(host.plugins()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("check-http"));
    assertThat(host.checks().get("http").orElseThrow().getClass().getClassLoader())
        .isInstanceOf(PluginClassLoader.class);
  }

  @Test
  void healthyEndpointIsUp() throws Exception {
    CheckResult result = probe(url("/health").put("body-contains", "\"status\":\"ok\"")
        .put("body-regex", "\"replicas\":[1-9]"));

    assertThat(result.status()).isEqualTo(CheckStatus.UP);
    assertThat(result.metrics()).containsEntry("http_status", 200.0);
  }

  @Test
  void serviceUnavailableIsDown() throws Exception {
    CheckResult result = probe(url("/broken"));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).isEqualTo("status 503, expected 2xx");
  }

  @Test
  void statusOutsideTheExpectedSetIsDown() throws Exception {
    assertThat(probe(url("/empty")).status()).isEqualTo(CheckStatus.UP);
    CheckResult result = probe(url("/empty").put("expect-status", new JsonArray().add(200)));
    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).isEqualTo("status 204, expected [200]");
  }

  @Test
  void bodyWithoutTheExpectedTextIsDown() throws Exception {
    CheckResult result = probe(url("/health").put("body-contains", "\"status\":\"green\""));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).startsWith("body does not contain '\"status\":\"green\"'");
    assertThat(probe(url("/health").put("body-regex", "replicas\":0")).status()).isEqualTo(CheckStatus.DOWN);
  }

  @Test
  void configuredHeadersAreSent() throws Exception {
    assertThat(probe(url("/auth")).status()).isEqualTo(CheckStatus.DOWN);
    assertThat(probe(url("/auth").put("headers", new JsonObject().put("Authorization", "Bearer s3cret"))).status())
        .isEqualTo(CheckStatus.UP);
  }

  @Test
  void slowEndpointIsDegraded() throws Exception {
    CheckResult result = probe(url("/slow").put("degraded-latency", "100ms"));

    assertThat(result.status()).isEqualTo(CheckStatus.DEGRADED);
    assertThat(result.latency().toMillis()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void stoppedServerIsDownWithConnectionRefused() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CheckResult result = probe(new JsonObject().put("url", "http://127.0.0.1:" + port + "/health"));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).startsWith("request failed:").containsIgnoringCase("refused");
  }

  @Test
  void selfSignedCertificateIsRefusedUnlessTrustedOrInsecure() throws Exception {
    String tlsUrl = "https://localhost:" + tlsServer.actualPort() + "/";

    CheckResult untrusted = probe(new JsonObject().put("url", tlsUrl));
    assertThat(untrusted.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(untrusted.message()).startsWith("request failed:");

    CheckResult trusted = probe(new JsonObject().put("url", tlsUrl).put("ca-file", certificate.certificatePath()));
    assertThat(trusted.status()).isEqualTo(CheckStatus.UP);

    CheckResult insecure = probe(new JsonObject().put("url", tlsUrl).put("insecure", true));
    assertThat(insecure.status()).isEqualTo(CheckStatus.UP);
  }
}
