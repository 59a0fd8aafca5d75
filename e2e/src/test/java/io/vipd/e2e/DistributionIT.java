package io.vipd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.testkit.HostCommand;
import io.vipd.testkit.HostCommand.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution as a user gets it: the launcher, the shipped plugins, the example configs. */
class DistributionIT {
  private static final Map<String, String> EXAMPLE_SECRETS = Map.of(
      "VIPD_API_TOKEN", "test-token",
      "VIPD_MYSQL_PASSWORD", "test-password",
      "SLACK_WEBHOOK_URL", "https://hooks.slack.invalid/services/T0/B0/x",
      "VIPD_WEBHOOK_SECRET", "0123456789abcdef0123456789abcdef");

  private static Result vipd(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Distribution.launcher().toString()));
    command.addAll(List.of(args));
    return HostCommand.run(Duration.ofSeconds(60), env, command);
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
  void shippedConfigsValidateWithTheShippedPlugins() throws Exception {
    for (String example : List.of("example.yaml", "example-web.yaml", "vipd.yaml")) {
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
