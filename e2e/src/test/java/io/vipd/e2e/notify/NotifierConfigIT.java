package io.vipd.e2e.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.e2e.Distribution;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifier configuration as users meet it: the README's examples and the shipped example files pass
 * the distribution's {@code vipd validate} (plugins included), and a notifier key its plugin does not
 * know stops {@code vipd validate} and {@code vipd run} with exit code 2 and the key's file:line:col.
 */
class NotifierConfigIT {
  private static final Map<String, String> EXAMPLE_ENVIRONMENT = Map.of(
      "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
      "VIPD_WEBHOOK_SECRET", "webhook-secret",
      "VIPD_API_TOKEN", "api-token",
      "VIPD_MYSQL_PASSWORD", "mysql-password");

  /** A webhook notifier with a misspelt {@code secret} on line 6 (its value at column 13). */
  private static final String MISSPELT_SECRET = """
      node: n1
      notifiers:
        hook:
          type: webhook
          url: http://10.99.0.100:8080/hook
          sekret: abc
      instances:
        - name: db-vip
          interface: eth0
          vrid: 53
          vips: [10.99.0.53/24]
      """;

  @Test
  void readmeSlackExampleValidatesWhenCopiedAsIs(@TempDir Path dir) throws Exception {
    String slackExample = readmeNotificationExamples().stream()
        .filter(yaml -> yaml.contains("type: slack") && yaml.contains("instances:"))
        .findFirst().orElseThrow(() -> new AssertionError("README ## Notifications has no complete Slack example"));
    Path file = Files.writeString(dir.resolve("vipd.yaml"), slackExample);

    Result result = vipd(List.of("validate", file.toString()), EXAMPLE_ENVIRONMENT);

    assertThat(result.output()).isEqualTo(file + ": OK (1 instances, 0 checks, 1 notifiers)\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void everyReadmeNotifierSettingIsAcceptedByItsPlugin(@TempDir Path dir) throws Exception {
    String settings = readmeNotificationExamples().stream()
        .filter(yaml -> yaml.contains("type: webhook") && yaml.contains("type: exec"))
        .findFirst().orElseThrow(() -> new AssertionError("README ## Notifications lists no notifier settings"));
    Path file = Files.writeString(dir.resolve("vipd.yaml"), settings + """
        instances:
          - name: db-vip
            interface: eth0
            vrid: 51
            vips: [10.0.0.100/24]
        """);

    Result result = vipd(List.of("validate", file.toString()), EXAMPLE_ENVIRONMENT);

    assertThat(result.output()).isEqualTo(file + ": OK (1 instances, 0 checks, 3 notifiers)\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void shippedExampleConfigurationsValidate() throws Exception {
    for (String example : List.of("example.yaml", "example-web.yaml")) {
      Path file = Distribution.home().resolve("config").resolve(example);

      Result result = vipd(List.of("validate", file.toString()), EXAMPLE_ENVIRONMENT);

      assertThat(result.output()).as(example).startsWith(file + ": OK");
      assertThat(result.exitCode()).as(example).isZero();
    }
  }

  @Test
  void validateNamesTheLineOfANotifierKeyThePluginDoesNotKnow(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("vipd.yaml"), MISSPELT_SECRET);

    Result result = vipd(List.of("validate", file.toString()), Map.of());

    // the column is where the key's value starts
    assertThat(result.output()).startsWith(file + ":6:13 notifiers.hook.sekret: unknown key");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void runRefusesToStartOnANotifierKeyThePluginDoesNotKnow(@TempDir Path dir) throws Exception {
    Environment.requireRootAndTools("ip");
    Path file = Files.writeString(dir.resolve("vipd.yaml"), MISSPELT_SECRET);
    Path log = dir.resolve("run.log");
    try (Lab lab = Lab.create()) {
      // inside a namespace: had it started, it would have run VRRP there, never on the host
      LabHost host = lab.addHost("n1", 11);
      Process run = host.spawn(List.of(Distribution.launcher().toString(), "run", "-c", file.toString()), log.toFile());
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("vipd run exits").isTrue();

      assertThat(Files.readString(log)).contains(file + ":6:13 notifiers.hook.sekret: unknown key");
      assertThat(run.exitValue()).as("exit code; output:\n%s", Files.readString(log)).isEqualTo(2);
    }
  }

  /** What one {@code bin/vipd} run printed (stdout and stderr together) and returned. */
  private record Result(int exitCode, String output) {}

  /** Runs the distribution's {@code bin/vipd} on this host: only for commands that touch no network. */
  private static Result vipd(List<String> arguments, Map<String, String> environment) throws Exception {
    List<String> command = new ArrayList<>(List.of(Distribution.launcher().toString()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("vipd %s exits", arguments).isTrue();
    return new Result(process.exitValue(), output);
  }

  /** The YAML blocks of the README's "## Notifications" section, in order. */
  private static List<String> readmeNotificationExamples() throws IOException {
    Path readme = Path.of(System.getProperty("basedir", ".")).resolve("../README.md");
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf("## Notifications");
    assertThat(start).as("README has a ## Notifications section").isNotNegative();
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (block == null && line.equals("```yaml")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
