package io.vipd.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.testkit.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeepalivedProcessIT {
  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "keepalived");
  }

  @Test
  void aloneItBecomesMasterAndKillLeavesTheVipButNoProcess() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost host = lab.addHost("k1", 11);
      KeepalivedProcess keepalived = KeepalivedProcess.start(host,
          KeepalivedConfig.of(51, 100, 3, "10.99.0.100/24").withAdvertInterval(Duration.ofMillis(100)), dir);
      await().atMost(Duration.ofSeconds(10)).until(keepalived::isMaster);
      long parent = keepalived.pid();

      keepalived.kill();

      assertThat(ProcessHandle.of(parent)).isEmpty();
      assertThat(keepalived.isAlive()).isFalse();
      assertThat(host.hasAddress("10.99.0.100")).isTrue();
      assertThat(keepalived.logText()).doesNotContain("Entering BACKUP STATE (priority 0");
    }
  }

  @Test
  void stopRemovesTheVipAndTheProcesses() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost host = lab.addHost("k1", 11);
      KeepalivedProcess keepalived = KeepalivedProcess.start(host, KeepalivedConfig.of(52, 100, 2, "10.99.0.100/24"), dir);
      await().atMost(Duration.ofSeconds(10)).until(keepalived::isMaster);
      var children = ProcessHandle.of(keepalived.pid()).orElseThrow().descendants().toList();
      assertThat(children).isNotEmpty();

      assertThat(keepalived.stop(Duration.ofSeconds(5))).isZero();

      assertThat(host.hasAddress("10.99.0.100")).isFalse();
      assertThat(children).noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void aFailingTrackScriptPutsItInFault() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost host = lab.addHost("k1", 11);
      Path healthy = Files.createFile(dir.resolve("healthy"));
      KeepalivedProcess keepalived = KeepalivedProcess.start(host, KeepalivedConfig.of(53, 100, 3, "10.99.0.100/24")
          .withAdvertInterval(Duration.ofMillis(100))
          .withTrackScript(new KeepalivedConfig.TrackScript("/usr/bin/test -e " + healthy, 1, 1, 1, 0)), dir);
      await().atMost(Duration.ofSeconds(10)).until(keepalived::isMaster);

      Files.delete(healthy);

      await().atMost(Duration.ofSeconds(10)).until(() -> "FAULT".equals(keepalived.state()));
      await().atMost(Duration.ofSeconds(5)).until(() -> !host.hasAddress("10.99.0.100"));
    }
  }
}
