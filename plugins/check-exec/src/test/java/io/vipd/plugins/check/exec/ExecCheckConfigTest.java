package io.vipd.plugins.check.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecCheckConfigTest {

  @Test
  void stringCommandRunsThroughTheShell() throws Exception {
    ExecCheckConfig config = ExecCheckConfig.parse(new JsonObject().put("command", "pidof mariadbd"));

    assertThat(config.command()).containsExactly("/bin/sh", "-c", "pidof mariadbd");
  }

  @Test
  void listCommandIsRunAsIs() throws Exception {
    ExecCheckConfig config = ExecCheckConfig.parse(new JsonObject()
        .put("command", new JsonArray().add("/usr/bin/test").add("-f").add("/run/ok"))
        .put("degraded-exit-code", 2).put("kill-timeout", "5s"));

    assertThat(config.command()).containsExactly("/usr/bin/test", "-f", "/run/ok");
    assertThat(config.degradedExitCode()).isEqualTo(2);
    assertThat(config.killTimeout()).hasSeconds(5);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> ExecCheckConfig.parse(new JsonObject()
        .put("command", new JsonArray().add("ok").add(3)).put("degraded-exit-code", 0).put("script", "x")))
        .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactlyInAnyOrderElementsOf(List.of("script", "command[1]", "degraded-exit-code")));
  }
}
