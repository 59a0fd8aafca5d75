package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.instance.TransitionLine;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.NodeConfig;
import io.vipd.lab.VipdLog;
import io.vipd.lab.VipdProcess;
import io.vipd.testkit.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running master and every signal an operator may send it: only TERM (and INT) end vipd, and they resign
 * first. keepalived users send HUP to reload; it must not cost them the VIP.
 */
class SignalsIT {
  private static final String VIP = "10.99.0.71";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  /** Signals whose default action ends a process at once; vipd logs each and keeps running. */
  private static final List<String> SURVIVED =
      List.of("HUP", "USR1", "USR2", "ALRM", "VTALRM", "PROF", "IO", "PWR", "STKFLT", "XCPU", "XFSZ", "SYS");

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "kill");
  }

  @Test
  void onlyTermEndsTheMasterAndItResignsFirst() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      Path config = new NodeConfig("n1", 3, 71, 150, Duration.ofMillis(100), VIP + "/24").writeTo(dir.resolve("n1.yaml"));
      VipdProcess vipd = VipdProcess.start(n1, config, dir.resolve("n1.log"), List.of());
      VipdLog log = new VipdLog(vipd.log());
      await("n1 master").atMost(PATIENCE).until(() -> log.state("lab").equals("MASTER"));

      for (String signal : SURVIVED) {
        Lab.run("kill", "-s", signal, Long.toString(vipd.pid()));
        await("vipd logs SIG" + signal).atMost(PATIENCE).until(() -> log.contains("SIG" + signal) || !vipd.isAlive());
        assertThat(vipd.isAlive()).as("vipd alive after SIG%s%n%s", signal, log.text()).isTrue();
      }
      assertThat(log.lines("SIGUSR1: node n1")).hasSize(1);
      assertThat(log.lines("  lab: MASTER, priority 150 (base 150)")).hasSize(1);
      assertThat(log.transitions("lab")).extracting(TransitionLine::to).containsExactly("BACKUP", "MASTER");
      assertThat(n1.hasAddress(VIP)).as("the master kept its VIP").isTrue();

      assertThat(vipd.stop(PATIENCE)).as("exit code after SIGTERM").isZero();
      assertThat(log.transitions("lab")).last().satisfies(t -> {
        assertThat(t.from()).isEqualTo("MASTER");
        assertThat(t.to()).isEqualTo("STOPPED");
        assertThat(t.reason()).isEqualTo("shutdown");
      });
      assertThat(n1.hasAddress(VIP)).as("resigned: VIP removed").isFalse();
    }
  }
}
