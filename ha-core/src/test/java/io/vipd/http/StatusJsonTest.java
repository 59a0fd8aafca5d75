package io.vipd.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
  private final JsonObject json = StatusJson.render(StatusFixtures.sample());

  @Test
  void nodeVersionAndUptimeAreOnTop() {
    assertThat(json.getString("node")).isEqualTo("n1");
    assertThat(json.getString("version")).isEqualTo("0.1.0");
    assertThat(json.getDouble("uptime_seconds")).isEqualTo(90.0);
  }

  @Test
  void instanceShowsStatePrioritiesMasterVipsAndCounters() {
    JsonObject instance = json.getJsonArray("instances").getJsonObject(0);

    assertThat(instance.getString("name")).isEqualTo("vi_1");
    assertThat(instance.getString("interface")).isEqualTo("eth0");
    assertThat(instance.getInteger("vrid")).isEqualTo(51);
    assertThat(instance.getInteger("version")).isEqualTo(3);
    assertThat(instance.getString("state")).isEqualTo("MASTER");
    assertThat(instance.getJsonObject("priority").getMap()).containsEntry("base", 150).containsEntry("effective", 130);
    assertThat(instance.getString("master")).isEqualTo("10.99.0.11");
    assertThat(instance.containsKey("fault")).isTrue();
    assertThat(instance.getString("fault")).isNull();
    assertThat(instance.getBoolean("maintenance")).isFalse();
    assertThat(instance.getJsonArray("vips").getList()).containsExactly("10.99.0.10/24");
    assertThat(instance.getDouble("advert_interval_seconds")).isEqualTo(1.0);
    assertThat(instance.getLong("adverts_sent")).isEqualTo(42);
    assertThat(instance.getLong("adverts_late")).isEqualTo(2);
    assertThat(instance.getLong("adverts_received")).isEqualTo(7);
    assertThat(instance.getJsonObject("drops").getMap()).containsOnlyKeys("wrong-vrid").containsEntry("wrong-vrid", 3L);
    assertThat(instance.getJsonObject("transport").getString("description")).isEqualTo("multicast 224.0.0.18 on eth0");
    assertThat(instance.getJsonObject("transport").getJsonObject("drops").getLong("bad-hmac")).isEqualTo(2);
    assertThat(instance.getJsonObject("transitions").getMap()).containsOnlyKeys("BACKUP", "MASTER");
  }

  @Test
  void checksAndNotifiersAreListed() {
    JsonObject check = json.getJsonArray("checks").getJsonObject(0);
    assertThat(check.getString("name")).isEqualTo("mysql-local");
    assertThat(check.getString("type")).isEqualTo("mysql");
    assertThat(check.getString("status")).isEqualTo("DEGRADED");
    assertThat(check.getString("message")).isEqualTo("replication lag 42 s");
    assertThat(check.getDouble("latency_seconds")).isEqualTo(0.012);

    JsonObject notifier = json.getJsonArray("notifiers").getJsonObject(0);
    assertThat(notifier.getString("name")).isEqualTo("ops-webhook");
    assertThat(notifier.getLong("delivered")).isEqualTo(5);
    assertThat(notifier.getLong("failed_attempts")).isEqualTo(2);
    assertThat(notifier.getJsonObject("dropped").getLong("after_retries")).isEqualTo(1);
    assertThat(notifier.getInteger("queue_depth")).isEqualTo(3);
    assertThat(notifier.getBoolean("failing")).isTrue();
  }

  @Test
  void survivesAnEncodeDecodeRoundTrip() {
    assertThat(new JsonObject(json.encode())).isEqualTo(json);
  }
}
