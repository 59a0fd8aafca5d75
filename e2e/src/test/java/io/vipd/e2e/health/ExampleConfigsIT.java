package io.vipd.e2e.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.e2e.Distribution;
import io.vipd.lab.Lab;
import io.vipd.testkit.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped example configurations are accepted by the shipped plugins. {@code vipd validate} checks the
 * daemon's own keys only; the plugin-owned keys (check-mysql's timeouts, check-http's latency) are checked
 * when {@code vipd run} creates the checks, so each example is started, in an empty namespace where its
 * interfaces do not exist: the only complaint allowed is the missing interface.
 */
class ExampleConfigsIT {

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.yaml", "example-web.yaml"})
  void exampleIsAcceptedByTheShippedPlugins(String name, @TempDir Path dir) throws Exception {
    Path example = Distribution.home().resolve("config").resolve(name);
    Path config = dir.resolve(name);
    // the examples name /opt/vipd/plugins; the distribution under test has its own
    Files.writeString(config, Files.readString(example).replace("/opt/vipd/plugins", Distribution.plugins().toString()));
    Path output = dir.resolve("out.log");

    try (Lab lab = Lab.create()) {
      ProcessBuilder run = new ProcessBuilder(List.of("ip", "netns", "exec", lab.prefix() + "-br",
          Distribution.launcher().toString(), "run", "-c", config.toString()))
          .redirectErrorStream(true).redirectOutput(output.toFile());
      run.environment().putAll(java.util.Map.of("VIPD_API_TOKEN", "token", "VIPD_MYSQL_PASSWORD", "secret",
          "SLACK_WEBHOOK_URL", "https://hooks.slack.invalid/x", "VIPD_WEBHOOK_SECRET", "secret"));
      Process vipd = run.start();
      try {
        assertThat(vipd.waitFor(60, TimeUnit.SECONDS)).as("vipd exits at start-up").isTrue();
      } finally {
        vipd.destroyForcibly();
      }
      List<String> complaints = Files.readAllLines(output).stream().filter(l -> l.startsWith("vipd: ")
          || l.contains(name + ":")).toList();
      assertThat(complaints).as(Files.readString(output)).isNotEmpty()
          .allSatisfy(line -> assertThat(line).containsPattern("interface '[a-z0-9]+' does not exist on this host"));
    }
  }
}
