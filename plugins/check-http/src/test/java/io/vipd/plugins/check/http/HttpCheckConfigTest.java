package io.vipd.plugins.check.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCheckConfigTest {

  @Test
  void minimalConfigAcceptsAny2xxWithGet() throws Exception {
    HttpCheckConfig config = HttpCheckConfig.parse(new JsonObject().put("url", "http://127.0.0.1:8080/health"));

    assertThat(config.method()).isEqualTo("GET");
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.statusAccepted(204)).isTrue();
    assertThat(config.statusAccepted(301)).isFalse();
  }

  @Test
  void explicitStatusSetReplacesThe2xxDefault() throws Exception {
    HttpCheckConfig config = HttpCheckConfig.parse(new JsonObject().put("url", "https://db.example/health")
        .put("expect-status", new JsonArray().add(200).add(401))
        .put("headers", new JsonObject().put("Authorization", "Bearer x")));

    assertThat(config.statusAccepted(401)).isTrue();
    assertThat(config.statusAccepted(204)).isFalse();
    assertThat(config.headers()).isEqualTo(Map.of("Authorization", "Bearer x"));
  }

  @Test
  void singleExpectedStatusAndDecimalDurationsAreAccepted() throws Exception {
    HttpCheckConfig config = HttpCheckConfig.parse(new JsonObject().put("url", "http://127.0.0.1/healthz")
        .put("expect-status", 200).put("degraded-latency", "0.3s").put("request-timeout", "1.5s"));

    assertThat(config.expectStatus()).containsExactly(200);
    assertThat(config.degradedLatency()).isEqualTo(Duration.ofMillis(300));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> HttpCheckConfig.parse(new JsonObject()
        .put("url", "ftp://x").put("method", "BREW").put("body-regex", "(")
        .put("expect-status", new JsonArray().add(200).add(999)).put("ca-file", "/nonexistent/ca.pem")
        .put("insecure", true).put("headers", new JsonObject().put("X-N", 1))))
        .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactlyInAnyOrderElementsOf(List.of(
                "method", "url", "headers.X-N", "expect-status[1]", "body-regex", "ca-file", "insecure")));
  }
}
