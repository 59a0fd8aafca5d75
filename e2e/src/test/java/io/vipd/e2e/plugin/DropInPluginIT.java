package io.vipd.e2e.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.e2e.Distribution;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in story end to end: a check plugin compiled at test time, dropped into a plugin directory,
 * named by its type in the YAML, and run by the assembled daemon, whose priority it lowers.
 */
class DropInPluginIT {

  private static final String FACTORY = """
      package com.example.sensor;
      @org.pf4j.Extension
      public class SensorCheckFactory implements io.vipd.api.HealthCheckFactory {
        public String type() { return "sensor"; }
        public io.vipd.api.HealthCheck create(io.vipd.api.PluginContext context, io.vertx.core.json.JsonObject config)
            throws io.vipd.api.PluginConfigException {
          io.vipd.api.SettingsReader settings = new io.vipd.api.SettingsReader(config, java.util.Set.of("verdict"));
          String verdict = settings.requiredString("verdict");
          settings.done();
          return () -> io.vertx.core.Future.succeededFuture(
              io.vipd.api.CheckResult.down("sensor says " + verdict, java.time.Duration.ZERO));
        }
      }
      """;

  @Test
  void checkJarDroppedIntoThePluginDirectoryIsUsedThroughItsTypeInYaml(@TempDir Path dir) throws Exception {
    Environment.requireRootAndTools("ip");
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    PluginJarBuilder.plugin("sensor-check").extension("com.example.sensor.SensorCheckFactory", FACTORY)
        .buildInto(plugins, "sensor-check.jar");
    Path config = VipdYaml.node("n1").plugins(plugins)
        .check("sensor", Map.of("type", "sensor", "interval", "200ms", "verdict", "broken"))
        .instance(VipdYaml.Instance.named("vip").vrid(61).priority(150).advertInterval(Duration.ofMillis(100))
            .vips("10.99.0.10/24").trackChecks(List.of(Map.of("check", "sensor", "weight", -60))))
        .writeTo(dir.resolve("vipd.yaml"));

    try (Lab lab = Lab.create()) {
      LabHost node = lab.addHost("n1", 11);
      VipdProcess vipd = VipdProcess.startDistribution(Distribution.launcher(), node, config, dir.resolve("n1.log"));
      await().atMost(Duration.ofSeconds(20)).until(() -> vipd.logText().contains("effective priority 150 -> 90"));
      assertThat(vipd.logText())
          .contains("check sensor: UP -> DOWN (sensor says broken)");
      assertThat(vipd.stop(Duration.ofSeconds(5))).isZero();
    }
  }
}
