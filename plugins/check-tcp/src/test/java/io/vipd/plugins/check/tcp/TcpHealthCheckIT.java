package io.vipd.plugins.check.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
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

/** The packaged check-tcp jar, loaded by the real plugin manager, against Vert.x servers on loopback. */
class TcpHealthCheckIT {
  @TempDir static Path plugins;
  static PluginHost host;
  static Vertx vertx;
  final List<HealthCheck> checks = new ArrayList<>();

  @BeforeAll
  static void loadPlugin() throws Exception {
    vertx = Vertx.vertx();
    host = PackagedPlugin.load(plugins);
  }

  @AfterAll
  static void unload() {
    host.close();
    vertx.close().await();
  }

  @AfterEach
  void closeChecks() {
    checks.forEach(c -> c.close().await());
  }

  private CheckResult probe(JsonObject config) throws PluginConfigException {
    HealthCheckFactory factory = host.checks().get("tcp").orElseThrow();
    HealthCheck check = factory.create(DaemonPluginContext.of(vertx, "node-a", "tcp", "svc", v -> v), config);
    checks.add(check);
    return check.check().await();
  }

  private static NetServer server(io.vertx.core.Handler<io.vertx.core.net.NetSocket> handler) {
    return vertx.createNetServer().connectHandler(handler).listen(0, "127.0.0.1").await();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void pluginLoadsFromItsJarAndProvidesTypeTcp() {
    assertThat(host.plugins()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("check-tcp"));
    assertThat(host.checks().get("tcp")).get()
        .satisfies(f -> assertThat(f.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class));
  }

  @Test
  void listeningPortIsUp() throws Exception {
    NetServer server = server(socket -> { });
    try {
      CheckResult result = probe(new JsonObject().put("host", "127.0.0.1").put("port", server.actualPort()));
      assertThat(result.status()).isEqualTo(CheckStatus.UP);
      assertThat(result.message()).startsWith("connected to 127.0.0.1:" + server.actualPort());
    } finally {
      server.close().await();
    }
  }

  @Test
  void closedPortIsDownWithConnectionRefused() throws Exception {
    int port = closedPort();
    CheckResult result = probe(new JsonObject().put("host", "127.0.0.1").put("port", port));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).isEqualTo("connection refused by 127.0.0.1:" + port);
  }

  @Test
  void expectedReplyIsUpAndWrongReplyIsDown() throws Exception {
    NetServer server = server(socket -> socket.handler(data ->
        socket.write(data.toString().equals("PING\r\n") ? "+PONG\r\n" : "-ERR unknown\r\n")));
    try {
      JsonObject config = new JsonObject().put("host", "127.0.0.1").put("port", server.actualPort())
          .put("send", "PING\\r\\n").put("expect", "+PONG");
      assertThat(probe(config).status()).isEqualTo(CheckStatus.UP);

      CheckResult wrong = probe(config.copy().put("send", "PONG\\r\\n"));
      assertThat(wrong.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(wrong.message()).isEqualTo("reply '-ERR ' does not start with '+PONG'");
    } finally {
      server.close().await();
    }
  }

  @Test
  void silentServerIsDownWithNoReplyTimeout() throws Exception {
    NetServer server = server(socket -> { });
    try {
      CheckResult result = probe(new JsonObject().put("host", "127.0.0.1").put("port", server.actualPort())
          .put("send", "hello\\n").put("expect", "hi").put("connect-timeout", "200ms"));
      assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(result.message()).isEqualTo("no reply within 200ms (expected 'hi')");
    } finally {
      server.close().await();
    }
  }

  @Test
  void slowReplyIsDegraded() throws Exception {
    NetServer server = server(socket -> socket.handler(data -> vertx.setTimer(300, t -> socket.write("OK\n"))));
    try {
      CheckResult result = probe(new JsonObject().put("host", "127.0.0.1").put("port", server.actualPort())
          .put("send", "status\\n").put("expect", "OK").put("degraded-latency", "100ms"));
      assertThat(result.status()).isEqualTo(CheckStatus.DEGRADED);
      assertThat(result.latency().toMillis()).isGreaterThanOrEqualTo(300);
      assertThat(result.message()).contains("degraded above 100ms");
    } finally {
      server.close().await();
    }
  }

  @Test
  void invalidConfigIsRefusedByTheLoadedFactory() {
    assertThatThrownBy(() -> probe(new JsonObject().put("port", "x")))
        .isInstanceOf(PluginConfigException.class)
        .hasMessageContaining("host: is required")
        .hasMessageContaining("port: must be an integer");
  }
}
