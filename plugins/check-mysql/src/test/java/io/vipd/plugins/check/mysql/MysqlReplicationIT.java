package io.vipd.plugins.check.mysql;

import io.vipd.testkit.TestPluginContext;
import io.vipd.testkit.Environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.lab.MariaDbReplicaPair;
import io.vipd.lab.MariaDbServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mysql check on a real MariaDB primary -> replica pair. */
class MysqlReplicationIT {

  private static final String USER = "vipd_check";
  private static final String PASSWORD = "check-secret";

  private static MariaDbReplicaPair pair;
  private static Vertx vertx;

  @BeforeAll
  static void startPair() {
    Environment.requireMariaDb();
    pair = MariaDbReplicaPair.start();
    // created on the primary and replicated, as in production
    pair.primary().createUser(USER, PASSWORD, "SELECT ON *.*", "SLAVE MONITOR ON *.*");
    pair.primary().sql("CREATE DATABASE app; CREATE TABLE app.t (i INT AUTO_INCREMENT PRIMARY KEY)");
    pair.awaitCaughtUp();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopPair() {
    if (vertx != null) {
      vertx.close().await();
    }
    if (pair != null) {
      pair.close();
    }
  }

  @Test
  void replicaIsUpWhileReplicating() {
    CheckResult result = probe(config(pair.replica()).put("role", "replica"));

    assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.UP);
    assertThat(result.message()).isEqualTo("read_only=1; replication lag 0s");
    assertThat(result.metrics()).containsEntry(MysqlHealthCheck.LAG_METRIC, 0.0);
  }

  @Test
  void primaryIsNeitherAReplicaNorReadOnly() {
    CheckResult asReplica = probe(config(pair.primary()).put("role", "replica"));
    CheckResult withReplication = probe(config(pair.primary()).put("replication", true));
    CheckResult asPrimary = probe(config(pair.primary()).put("role", "primary"));

    assertThat(asReplica.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(asReplica.message()).isEqualTo("read_only=0 but role is replica");
    assertThat(withReplication.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(withReplication.message()).isEqualTo("not a replica: replication is not configured");
    assertThat(asPrimary.status()).isEqualTo(CheckStatus.UP);
  }

  @Test
  void replicaWithStoppedSqlThreadIsDown() {
    pair.stopSqlThread();
    try {
      CheckResult result = probe(config(pair.replica()).put("role", "replica"));

      assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
      assertThat(result.message()).startsWith("replication SQL thread not running");
      assertThat(result.metrics()).doesNotContainKey(MysqlHealthCheck.LAG_METRIC);
    } finally {
      pair.startSqlThread();
      pair.awaitReplicating();
    }
  }

  @Test
  void laggingReplicaIsDegradedThenDownAsTheLagCrossesEachThreshold() {
    HealthCheck check = Probes.create(new MysqlHealthCheckFactory(), new TestPluginContext(vertx, "mysql-test"),
        config(pair.replica()).put("role", "replica").put("degraded-lag", "1s").put("max-lag", "3s"));
    // the replica applies each event 8 s late and reports the growing lag meanwhile
    pair.setDelay(Duration.ofSeconds(8));
    try {
      assertThat(Probes.run(vertx, check).status()).isEqualTo(CheckStatus.UP);
      pair.primary().sql("INSERT INTO app.t VALUES ()");

      CheckResult degraded = await("lag above degraded-lag").atMost(Duration.ofSeconds(6))
          .pollInterval(Duration.ofMillis(200)).until(() -> Probes.run(vertx, check),
              r -> r.status() == CheckStatus.DEGRADED);
      assertThat(degraded.message()).matches("replication lag [23]s above degraded-lag 1s");
      assertThat(degraded.metrics().get(MysqlHealthCheck.LAG_METRIC)).isBetween(2.0, 3.0);

      CheckResult down = await("lag above max-lag").atMost(Duration.ofSeconds(6))
          .pollInterval(Duration.ofMillis(200)).until(() -> Probes.run(vertx, check),
              r -> r.status() == CheckStatus.DOWN);
      assertThat(down.message()).matches("replication lag [4-8]s above max-lag 3s");
    } finally {
      pair.setDelay(Duration.ZERO);
      pair.awaitCaughtUp();
    }
  }

  private static JsonObject config(MariaDbServer server) {
    return new JsonObject().put("host", server.host()).put("port", server.port()).put("user", USER)
        .put("password", PASSWORD);
  }

  private static CheckResult probe(JsonObject config) {
    return Probes.run(vertx, Probes.create(new MysqlHealthCheckFactory(), new TestPluginContext(vertx, "mysql-test"), config));
  }
}
