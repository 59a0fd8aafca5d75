package io.vipd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vipd failover} against a real API server. */
class FailoverCommandTest {

  @Test
  void aMasterHandsOverAndABackupIsExitOneWith409(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("api-token"), MaintenanceCommandTest.TOKEN);
    try (RunningApi api = RunningApi.start(MaintenanceCommandTest.ONE_INSTANCE,
        Optional.of(MaintenanceCommandTest.TOKEN))) {
      String config = api.config(dir, "${file:api-token}").toString();

      CliRun handedOver = CliRun.vipd("failover", "web", "-c", config);
      api.backend().master = false;
      CliRun notMaster = CliRun.vipd("failover", "web", "-c", config);

      assertThat(handedOver.exitCode()).as(handedOver.err()).isZero();
      assertThat(handedOver.out()).isEqualTo("instance web resigned (priority 0); a backup takes over\n");
      assertThat(notMaster.exitCode()).isEqualTo(1);
      assertThat(notMaster.err()).isEqualTo("vipd: " + api.url() + "/failover?instance=web answered HTTP 409:"
          + " instance web is not MASTER here, so there is nothing to hand over\n");
      assertThat(api.backend().requests).containsExactly("failover web", "failover web");
    }
  }
}
