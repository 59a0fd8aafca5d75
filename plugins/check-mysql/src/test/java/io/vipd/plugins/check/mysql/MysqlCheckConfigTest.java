package io.vipd.plugins.check.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MysqlCheckConfigTest {

  @Test
  void minimalConfigGetsLocalDefaults() throws Exception {
    MysqlCheckConfig config = MysqlCheckConfig.parse(new JsonObject().put("user", "monitor"));

    assertThat(config.target()).isEqualTo("127.0.0.1:3306");
    assertThat(config.role()).isEqualTo(Role.ANY);
    assertThat(config.checksReplication()).isFalse();
    assertThat(config.deadline()).isEqualTo(Duration.ofSeconds(4));
    assertThat(config.password()).isEmpty();
    assertThat(config.heartbeatTable()).isNull();
  }

  @Test
  void replicaRoleChecksReplicationWithItsThresholds() throws Exception {
    MysqlCheckConfig config = MysqlCheckConfig.parse(new JsonObject().put("user", "monitor").put("role", "replica")
        .put("degraded-lag", "5s").put("max-lag", "1m").put("connect-timeout", "500ms").put("query-timeout", "1.5s"));

    assertThat(config.checksReplication()).isTrue();
    assertThat(config.degradedLag()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.maxLag()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.deadline()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void everyProblemIsReportedWithItsKey() {
    JsonObject bad = new JsonObject().put("port", 70000).put("role", "master").put("max_lag", 5)
        .put("degraded-lag", "10s").put("max-lag", "5s").put("replication", "yes").put("connect-timeout", "soon")
        .put("heartbeat-table", "x; DROP TABLE y").put("socket", "relative.sock").put("host", "db1");

    assertThatThrownBy(() -> MysqlCheckConfig.parse(bad)).isInstanceOfSatisfying(PluginConfigException.class,
        e -> assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder("max_lag", "socket",
            "socket", "port", "user", "connect-timeout", "role", "replication", "degraded-lag", "max-lag",
            "heartbeat-table"));
  }

  @Test
  void lagThresholdsWithoutReplicationAreRejected() {
    assertThatThrownBy(() -> MysqlCheckConfig.parse(new JsonObject().put("user", "u").put("max-lag", "10s")))
        .isInstanceOf(PluginConfigException.class)
        .hasMessage("max-lag: lag is only checked with role: replica or replication: true");
  }

  @Test
  void toStringNeverShowsThePassword() throws Exception {
    MysqlCheckConfig config = MysqlCheckConfig.parse(new JsonObject().put("user", "u").put("password", "hunter2")
        .put("heartbeat-table", "vipd.heartbeat"));

    assertThat(config.toString()).doesNotContain("hunter2").contains("u@127.0.0.1:3306");
    assertThat(config.quotedHeartbeatTable()).isEqualTo("`vipd`.`heartbeat`");
  }

  @Test
  void durationsAreWrittenWithTheDaemonsUnitsAndABareNumberGetsAHint() throws Exception {
    MysqlCheckConfig config = MysqlCheckConfig.parse(new JsonObject().put("user", "u").put("role", "replica")
        .put("connect-timeout", "500ms").put("max-lag", "1.5s").put("degraded-lag", "1s"));
    assertThat(config.maxLag()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.degradedLag()).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> MysqlCheckConfig.parse(new JsonObject().put("user", "u").put("role", "replica").put("max-lag", 3)))
        .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
            .extracting(Problem::path, Problem::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("max-lag",
                "needs a unit (ms, s, m or h), e.g. `3s`, got `3`")));
  }
}
