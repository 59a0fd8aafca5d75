package io.vipd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution as a user gets it: the launcher, the shipped plugins, the example configs. */
class DistributionIT {
  private static final Map<String, String> EXAMPLE_SECRETS = Map.of(
      "VIPD_API_TOKEN", "test-token",
      "VIPD_MYSQL_PASSWORD", "test-password",
      "SLACK_WEBHOOK_URL", "https://hooks.slack.invalid/services/T0/B0/x",
      "VIPD_WEBHOOK_SECRET", "0123456789abcdef0123456789abcdef");

  private record Result(int exit, String output) {}

  private static Result vipd(Map<String, String> env, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add(Distribution.launcher().toString());
    builder.command().addAll(List.of(args));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("vipd %s finished", List.of(args)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void versionNamesTheRelease() throws Exception {
    Result result = vipd(Map.of(), "--version");
    assertThat(result.exit()).isZero();
    assertThat(result.output()).startsWith("vipd 0.");
  }

  @Test
  void pluginsListsEveryShippedPluginAndItsTypes() throws Exception {
    Result result = vipd(Map.of(), "plugins");
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains(
        "check-mysql", "check-http", "check-tcp", "check-exec",
        "notify-webhook", "notify-slack", "notify-exec", "transport-udp");
    assertThat(result.output()).containsPattern("check\\s+mysql").containsPattern("transport\\s+udp");
  }

  @Test
  void exampleConfigsValidateWithTheShippedPlugins() throws Exception {
    for (String example : List.of("example.yaml", "example-web.yaml")) {
      Path file = Distribution.home().resolve("config").resolve(example);
      Result result = vipd(EXAMPLE_SECRETS, "validate", "--plugins", Distribution.plugins().toString(), file.toString());
      assertThat(result.exit()).as(result.output()).isZero();
      assertThat(result.output()).contains(": OK (").doesNotContain("not checked");
    }
  }

  @Test
  void pluginSettingTypoIsReportedWithItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vipd.yaml");
    Files.writeString(file, String.join("\n",
        "node: n1",
        "checks:",
        "  web:",
        "    type: http",
        "    url: http://127.0.0.1:8080/health",
        "    expect-staus: [200]",
        "instances:",
        "  - name: web-vip",
        "    interface: eth0",
        "    vrid: 7",
        "    vips: [10.99.0.10/24]",
        "    track:",
        "      checks: [{check: web, weight: -50}]",
        ""));
    Result result = vipd(Map.of(), "validate", "--plugins", Distribution.plugins().toString(), file.toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.output()).containsPattern("vipd\\.yaml:6:\\d+ checks\\.web\\.expect-staus: unknown key");
  }
}
