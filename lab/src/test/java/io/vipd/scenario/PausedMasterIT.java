package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.NodeConfig;
import io.vipd.lab.Probe;
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
 * The master's vipd frozen for 5 s (SIGSTOP, as a stalled VM or a stuck JVM would be), then resumed: the
 * backup takes over meanwhile, and on resume the pair converges at once, without a fight: the better node
 * is master again after one transition of the backup, the client follows, and the paused node says it was
 * paused long enough to have been taken over.
 */
class PausedMasterIT {
  private static final String VIP = "10.99.0.72";
  private static final Duration PAUSE = Duration.ofSeconds(5);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "kill", "ping");
  }

  @Test
  void aPausedMasterResumesWithoutAFight() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      LabHost client = lab.addHost("client", 100);
      VipdProcess vipd1 = start(n1, 150);
      VipdLog log1 = new VipdLog(vipd1.log());
      await("n1 master").atMost(PATIENCE).until(() -> log1.state("lab").equals("MASTER"));
      VipdProcess vipd2 = start(n2, 100);
      VipdLog log2 = new VipdLog(vipd2.log());
      await("n2 backup").atMost(PATIENCE).until(() -> log2.state("lab").equals("BACKUP"));
      int n1Transitions = log1.transitions("lab").size();

      try (Probe probe = Probe.start(client, VIP, Duration.ofMillis(10))) {
        assertThat(probe.awaitReplyFrom(n1.mac(), PATIENCE)).as("the client reaches n1").isPresent();
        Lab.run("kill", "-STOP", Long.toString(vipd1.pid()));
        try {
          await("n2 takes over from the frozen n1").atMost(PATIENCE).until(() -> log2.state("lab").equals("MASTER"));
          Thread.sleep(PAUSE.toMillis()); // the fault itself: n1 stays frozen this long
        } finally {
          Lab.run("kill", "-CONT", Long.toString(vipd1.pid()));
        }
        long resumed = System.nanoTime();

        await("n2 yields to the resumed n1").atMost(PATIENCE).until(() -> log2.state("lab").equals("BACKUP"));
        assertThat(probe.awaitReplyFrom(n1.mac(), resumed, PATIENCE)).as("the client back at n1").isPresent();
        await().atMost(PATIENCE).until(() -> log1.contains("this process was paused for about"));
      }
      assertThat(log1.transitions("lab")).as("n1 never left MASTER in its own view").hasSize(n1Transitions);
      assertThat(log2.transitions("lab").subList(1, log2.transitions("lab").size()))
          .extracting(t -> t.from() + "->" + t.to())
          .as("n2: one takeover, one yield, no fight").containsExactly("BACKUP->MASTER", "MASTER->BACKUP");
      assertThat(n2.hasAddress(VIP)).isFalse();
      assertThat(n1.hasAddress(VIP)).isTrue();
      assertThat(client.neighbourMac(VIP)).isEqualTo(n1.mac());
    }
  }

  private VipdProcess start(LabHost host, int priority) throws Exception {
    Path config = new NodeConfig(host.name(), 3, 72, priority, Duration.ofMillis(100), VIP + "/24")
        .writeTo(dir.resolve(host.name() + ".yaml"));
    return VipdProcess.start(host, config, dir.resolve(host.name() + ".log"), List.of());
  }
}
