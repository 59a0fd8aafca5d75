package io.vipd.plugins.check.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.PluginConfigException;
import io.vipd.plugin.DaemonPluginContext;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.plugin.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged check-exec jar, loaded by the real plugin manager, running real commands. */
class ExecHealthCheckIT {
  @TempDir static Path plugins;
  @TempDir Path work;
  static PluginHost host;
  static Vertx vertx;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    host = PackagedPlugin.load(plugins);
  }

  @AfterAll
  static void unload() {
    host.close();
    vertx.close().await();
  }

  private HealthCheck create(JsonObject config) throws PluginConfigException {
    return host.checks().get("exec").orElseThrow()
        .create(DaemonPluginContext.of(vertx, "node-a", "exec", "script", v -> v), config);
  }

  private CheckResult probe(JsonObject config) throws PluginConfigException {
    return create(config).check().await();
  }

  @Test
  void exitZeroIsUpWithTheLastOutputLine() throws Exception {
    CheckResult result = probe(new JsonObject().put("command", "echo starting; echo all good"));

    assertThat(result.status()).isEqualTo(CheckStatus.UP);
    assertThat(result.message()).isEqualTo("exit 0: all good");
  }

  @Test
  void nonZeroExitIsDown() throws Exception {
    CheckResult result = probe(new JsonObject().put("command", new JsonArray().add("/bin/sh").add("-c")
        .add("echo 'mysqld not running' >&2; exit 3")));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).isEqualTo("exit 3: mysqld not running");
  }

  @Test
  void configuredDegradedExitCodeIsDegraded() throws Exception {
    JsonObject config = new JsonObject().put("command", "exit 2").put("degraded-exit-code", 2);

    assertThat(probe(config).status()).isEqualTo(CheckStatus.DEGRADED);
    assertThat(probe(config.copy().put("command", "exit 1")).status()).isEqualTo(CheckStatus.DOWN);
  }

  @Test
  void missingProgramIsDown() throws Exception {
    CheckResult result = probe(new JsonObject().put("command", new JsonArray().add("/nonexistent/check")));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).startsWith("cannot run /nonexistent/check");
  }

  @Test
  void hangingScriptIsKilledWithItsChildren() throws Exception {
    Path pidFile = work.resolve("child.pid");
    // the shell starts a background child and waits for it: both must die at the kill timeout
    CheckResult result = probe(new JsonObject()
        .put("command", "sleep 300 & echo $! > " + pidFile + "; wait")
        .put("kill-timeout", "500ms"));

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).isEqualTo("timed out after 500ms, killed 2 processes");
    long childPid = Long.parseLong(Files.readString(pidFile).trim());
    await().atMost(Duration.ofSeconds(5)).until(() -> !isRunning(childPid));
  }

  @Test
  void slowCommandDoesNotHoldTheCallingEventLoop() throws Exception {
    HealthCheck check = create(new JsonObject().put("command", "sleep 0.5"));
    CompletableFuture<Long> returnedAfterMs = new CompletableFuture<>();
    CompletableFuture<CheckResult> result = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> {
      long started = System.nanoTime();
      check.check().onSuccess(result::complete);
      returnedAfterMs.complete((System.nanoTime() - started) / 1_000_000);
    });

    assertThat(result.get(5, TimeUnit.SECONDS).status()).isEqualTo(CheckStatus.UP);
    assertThat(result.get().latency()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(returnedAfterMs.get()).isLessThan(250L);
  }

  /** Alive and not a zombie (an orphan may wait for a reaper that never comes in a container). */
  private static boolean isRunning(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return false;
    }
    try {
      String text = Files.readString(stat);
      char state = text.charAt(text.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }
}
