package io.vipd.plugins.check.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpCheckConfigTest {

  @Test
  void fullConfigIsRead() throws Exception {
    TcpCheckConfig config = TcpCheckConfig.parse(new JsonObject()
        .put("host", "127.0.0.1").put("port", 6379).put("send", "PING\\r\\n").put("expect", "+PONG")
        .put("connect-timeout", "500ms").put("degraded-latency", "1s"));

    assertThat(config).isEqualTo(new TcpCheckConfig("127.0.0.1", 6379, "PING\r\n", "+PONG",
        Duration.ofMillis(500), Duration.ofSeconds(1)));
  }

  @Test
  void connectOnlyConfigGetsDefaults() throws Exception {
    TcpCheckConfig config = TcpCheckConfig.parse(new JsonObject().put("host", "db").put("port", 3306));

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.send()).isNull();
    assertThat(config.degradedLatency()).isNull();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> TcpCheckConfig.parse(new JsonObject()
        .put("port", 70000).put("degraded-latency", "fast").put("prot", 1)))
        .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactlyInAnyOrder("prot", "host", "port", "degraded-latency"))
        .hasMessageContaining("port: must be an integer from 1 to 65535");
  }
}
