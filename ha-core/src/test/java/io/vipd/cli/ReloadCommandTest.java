package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.config.ReloadOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vipd reload} against a real API server. */
class ReloadCommandTest {

  @Test
  void anAppliedReloadPrintsThePlan(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("api-token"), MaintenanceCommandTest.TOKEN);
    try (RunningApi api = RunningApi.start(MaintenanceCommandTest.ONE_INSTANCE,
        Optional.of(MaintenanceCommandTest.TOKEN))) {
      Path config = api.config(dir, "${file:api-token}");
      api.backend().reloadOutcome = new ReloadOutcome(config.toString(), true,
          List.of("instance web: changed in place (keeps its state): priority 100 -> 150"), List.of());

      CliRun applied = CliRun.vipd("reload", "-c", config.toString());
      CliRun planned = CliRun.vipd("reload", "--dry-run", "-c", config.toString());

      assertThat(applied.exitCode()).as(applied.err()).isZero();
      assertThat(applied.out()).isEqualTo("reload of " + config + " applied:\n"
          + "  instance web: changed in place (keeps its state): priority 100 -> 150\n");
      assertThat(planned.out()).startsWith("plan for " + config + " (dry run, nothing applied):\n");
      assertThat(applied.err() + planned.err()).isEmpty();
      assertThat(api.backend().requests).containsExactly("reload", "reload dry-run");
    }
  }

  @Test
  void aRefusedFileIsExitTwoWithEveryProblem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("api-token"), MaintenanceCommandTest.TOKEN);
    try (RunningApi api = RunningApi.start(MaintenanceCommandTest.ONE_INSTANCE,
        Optional.of(MaintenanceCommandTest.TOKEN))) {
      Path config = api.config(dir, "${file:api-token}");
      api.backend().reloadOutcome = ReloadOutcome.refused(config.toString(),
          List.of(config + ":9:17 instances[0].priority: must be 1..255, got 300"));

      CliRun refused = CliRun.vipd("reload", "-c", config.toString());

      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).isEqualTo(config + ":9:17 instances[0].priority: must be 1..255, got 300\n"
          + "vipd: the daemon refused " + config + "; its running configuration stays\n");
      assertThat(refused.out()).isEmpty();
    }
  }

  @Test
  void aWrongTokenIsExitOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("api-token"), "not-the-token");
    try (RunningApi api = RunningApi.start(MaintenanceCommandTest.ONE_INSTANCE,
        Optional.of(MaintenanceCommandTest.TOKEN))) {
      CliRun run = CliRun.vipd("reload", "-c", api.config(dir, "${file:api-token}").toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("answered HTTP 401").doesNotContain("not-the-token");
      assertThat(api.backend().requests).isEmpty();
    }
  }
}
