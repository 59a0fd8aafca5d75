package io.vipd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.config.ConfigLoader;
import io.vipd.config.InstanceConfig;
import io.vipd.config.VipdConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the lab writes is what the daemon reads. */
class VipdYamlTest {

  @Test
  void everythingWrittenLoadsBackAsTheDaemonSeesIt() throws Exception {
    String text = VipdYaml.node("n1").withoutPlugins()
        .check("db", Map.of("type", "mysql", "interval", "500ms", "password", "${env:DB_PASSWORD}"))
        .notifier("ops", Map.of("type", "webhook", "url", "http://10.99.0.100:8080/hook"))
        .instance(VipdYaml.Instance.named("web").vrid(61).version(3).priority(150)
            .advertInterval(Duration.ofMillis(100)).with("preempt-delay", Duration.ofSeconds(2))
            .transport("unicast", Map.of("peers", List.of("10.99.0.12")))
            .trackChecks(List.of(Map.of("check", "db", "weight", -60)))
            .vips("10.99.0.61/24"))
        .text();

    VipdConfig config = new ConfigLoader(Map.of("DB_PASSWORD", "s3cret")::get, () -> "host", Path.of("/opt/vipd"))
        .load("vipd.yaml", text);

    assertThat(config.node()).isEqualTo("n1");
    assertThat(config.pluginsDirectory()).hasToString(VipdYaml.NO_PLUGINS);
    assertThat(config.checks().get("db").interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.notifiers()).containsKey("ops");
    InstanceConfig web = config.instances().get(0);
    assertThat(web.interfaceName()).isEqualTo("eth0");
    assertThat(web.vrid()).isEqualTo(61);
    assertThat(web.priority()).isEqualTo(150);
    assertThat(web.advertInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(web.preemptDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(web.transport().type()).isEqualTo("unicast");
    assertThat(web.track().checks()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("db"));
    assertThat(web.vips()).singleElement().satisfies(v -> assertThat(v.cidr()).isEqualTo("10.99.0.61/24"));
  }
}
