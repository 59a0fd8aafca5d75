package io.vipd.plugins.check.mysql;

import io.vipd.testkit.TestPluginContext;
import io.vipd.testkit.Environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.lab.MariaDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mysql check against a real, throwaway MariaDB server. */
class MysqlHealthCheckIT {

  private static final String USER = "vipd_check";
  private static final String PASSWORD = "check-secret";

  private static MariaDbServer db;
  private static Vertx vertx;

  @BeforeAll
  static void startServer() {
    Environment.requireMariaDb();
    db = MariaDbServer.start();
    db.sql("CREATE DATABASE vipd; CREATE TABLE vipd.heartbeat (node VARCHAR(255) PRIMARY KEY, ts TIMESTAMP(6) NOT NULL)");
    // no SUPER / READ ONLY ADMIN: like a real monitoring account, read_only applies to it
    db.createUser(USER, PASSWORD, "SELECT ON *.*", "INSERT, UPDATE ON vipd.*");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopServer() {
    if (vertx != null) {
      vertx.close().await();
    }
    if (db != null) {
      db.stop();
    }
  }

  @Test
  void upWhenTheServerAnswers() {
    CheckResult result = probe(config());

    assertThat(result.status()).isEqualTo(CheckStatus.UP);
    assertThat(result.message()).isEqualTo("read_only=0");
    assertThat(result.metrics()).containsKey(MysqlHealthCheck.LATENCY_METRIC);
    assertThat(result.latency()).isPositive();
  }

  @Test
  void upOverTheUnixSocket() {
    CheckResult result = probe(new JsonObject().put("socket", db.socket().toString()).put("user", USER)
        .put("password", PASSWORD));

    assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.UP);
  }

  @Test
  void wrongPasswordIsReportedAsAuthenticationFailureNotAsADeadServer() {
    CheckResult result = probe(config().put("password", "wrong"));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).startsWith("authentication failed").contains("1045")
        .doesNotContain("refused", "timed out");
  }

  @Test
  void tooManyConnectionsIsReportedDistinctly() {
    // MariaDB's minimum; root may still use the one extra connection it keeps for administrators
    int limit = 10;
    db.sql("SET GLOBAL max_connections = " + limit);
    Pool holder = MySQLBuilder.pool().with(new PoolOptions().setMaxSize(limit)).connectingTo(new MySQLConnectOptions()
        .setHost(db.host()).setPort(db.port()).setUser(USER).setPassword(PASSWORD)).using(vertx).build();
    try {
      for (int i = 0; i < limit; i++) {
        SqlConnection held = holder.getConnection().await();
        assertThat(held).isNotNull();
      }

      CheckResult result = probe(config());

      assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(result.message()).startsWith("too many connections").contains("1040");
    } finally {
      holder.close().await();
      db.sql("SET GLOBAL max_connections = 151");
    }
  }

  @Test
  void primaryRoleOnAReadOnlyServerIsDown() {
    db.sql("SET GLOBAL read_only = 1");
    try {
      CheckResult primary = probe(config().put("role", "primary"));
      CheckResult any = probe(config());

      assertThat(primary.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(primary.message()).isEqualTo("read_only=1 but role is primary");
      assertThat(any.status()).isEqualTo(CheckStatus.UP);
    } finally {
      db.sql("SET GLOBAL read_only = 0");
    }
  }

  @Test
  void heartbeatWritesTheNodeRowAndFailsWhenTheServerTurnsReadOnly() {
    JsonObject heartbeat = config().put("role", "any").put("heartbeat-table", "vipd.heartbeat");

    CheckResult writable = probe(heartbeat);
    assertThat(writable.status()).as(writable.message()).isEqualTo(CheckStatus.UP);
    assertThat(writable.message()).contains("heartbeat written");
    assertThat(db.sql("SELECT node FROM vipd.heartbeat")).isEqualTo(TestPluginContext.NODE);

    db.sql("SET GLOBAL read_only = 1");
    try {
      CheckResult readOnly = probe(heartbeat);

      assertThat(readOnly.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(readOnly.message()).startsWith("heartbeat write refused: the server is read-only");
    } finally {
      db.sql("SET GLOBAL read_only = 0");
    }
  }

  @Test
  void slowServerIsDegradedWhenLatencyIsAboveTheLimit() {
    // a really slow server: every new session of the (non-SUPER) check user first sleeps 100 ms
    db.sql("SET GLOBAL init_connect = 'DO SLEEP(0.1)'");
    try {
      CheckResult result = probe(config().put("degraded-latency", "50ms"));

      assertThat(result.status()).isEqualTo(CheckStatus.DEGRADED);
      assertThat(result.message()).startsWith("slow: ").endsWith(" above degraded-latency 50ms");
    } finally {
      db.sql("SET GLOBAL init_connect = ''");
    }
  }

  @Test
  void stoppedServerIsDownWithConnectionRefused() {
    Environment.requireMariaDb();
    try (MariaDbServer doomed = MariaDbServer.start()) {
      doomed.createUser(USER, PASSWORD, "SELECT ON *.*");
      JsonObject config = config().put("port", doomed.port());
      assertThat(probe(config).status()).isEqualTo(CheckStatus.UP);

      doomed.kill();
      CheckResult result = probe(config);

      assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(result.message()).isEqualTo("connection refused by 127.0.0.1:" + doomed.port());
    }
  }

  @Test
  void hungServerTimesOutWithinTheCheckDeadlineAndLeavesNoConnectionOpen() throws Exception {
    HealthCheck check = Probes.create(new MysqlHealthCheckFactory(), new TestPluginContext(vertx, "mysql-test"),
        config().put("connect-timeout", "1s").put("query-timeout", "1s"));
    // the first probe of a check has a start-up grace on its deadline; this test is about the later ones
    assertThat(Probes.run(vertx, check).status()).isEqualTo(CheckStatus.UP);
    db.pause();
    try {
      long started = System.nanoTime();
      CompletableFuture<CheckResult> pending = Probes.start(vertx, check);

      CheckResult result = pending.get(Probes.WAIT.toMillis(), TimeUnit.MILLISECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(result.message()).startsWith("timed out after 2s");
      assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
      // the probe's socket is closed by us even though the server never answered
      await("probe socket closed").atMost(Duration.ofSeconds(5)).until(() -> establishedClientsOf(db.port()) == 0);
    } finally {
      db.resume();
    }
    // once thawed the server works again, and our abandoned socket left nothing behind
    assertThat(probe(config()).status()).isEqualTo(CheckStatus.UP);
    await("no client sockets left").atMost(Duration.ofSeconds(5)).until(() -> establishedClientsOf(db.port()) == 0);
  }

  private static JsonObject config() {
    return new JsonObject().put("host", db.host()).put("port", db.port()).put("user", USER).put("password", PASSWORD);
  }

  private static CheckResult probe(JsonObject config) {
    HealthCheck check = Probes.create(new MysqlHealthCheckFactory(), new TestPluginContext(vertx, "mysql-test"), config);
    return Probes.run(vertx, check);
  }

  /** TCP sockets in state ESTABLISHED whose remote port is {@code port}: client ends of connections to it. */
  static long establishedClientsOf(int port) throws IOException {
    String remotePort = String.format(":%04X", port);
    try (var lines = Files.lines(Path.of("/proc/net/tcp"))) {
      return lines.skip(1).map(String::trim).map(l -> l.split("\\s+"))
          .filter(f -> f[2].endsWith(remotePort) && f[3].equals("01")).count();
    }
  }
}
