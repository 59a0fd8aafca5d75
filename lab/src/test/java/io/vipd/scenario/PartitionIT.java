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
import io.vipd.vrrp.VrrpTimers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch stops forwarding the master's frames (links stay up) while the backup and the client keep
 * talking: both nodes are master while apart, and the client follows the backup. After the heal one
 * master is left within 2 x Master_Down_Interval, and the winner's re-announcement brings the client back.
 */
class PartitionIT {
  private static final String VIP = "10.99.0.74";
  private static final Duration INTERVAL = Duration.ofMillis(100);
  /** Master_Down_Interval of the backup (priority 100) at 100 ms adverts. */
  private static final Duration MDI = VrrpTimers.masterDownInterval(3, 100, 10);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "bridge", "ping");
  }

  @Test
  void bothMastersWhileApartOneAfterTheHealAndTheClientFollowsTheWinner() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      LabHost client = lab.addHost("client", 100);
      VipdLog log1 = new VipdLog(start(n1, 150).log());
      await("n1 master").atMost(PATIENCE).until(() -> log1.state("lab").equals("MASTER"));
      VipdLog log2 = new VipdLog(start(n2, 100).log());
      await("n2 backup").atMost(PATIENCE).until(() -> log2.state("lab").equals("BACKUP"));

      try (Probe probe = Probe.start(client, VIP, Duration.ofMillis(10))) {
        assertThat(probe.awaitReplyFrom(n1.mac(), PATIENCE)).isPresent();
        n1.setPortForwarding(false);
        long parted = System.nanoTime();
        assertThat(probe.awaitReplyFrom(n2.mac(), parted, PATIENCE)).as("the client follows n2").isPresent();
        assertThat(log1.state("lab")).as("n1, cut off, still master").isEqualTo("MASTER");
        assertThat(log2.state("lab")).isEqualTo("MASTER");

        n1.setPortForwarding(true);
        long healed = System.nanoTime();
        await("one master after the heal").atMost(MDI.multipliedBy(2))
            .until(() -> log2.state("lab").equals("BACKUP") && log1.state("lab").equals("MASTER"));
        // the loser yields with one last advert, which makes the winner re-announce: without it a loser that
        // heard the winner first left the client at its own MAC until the neighbour entry went stale (2.7 s)
        assertThat(probe.awaitReplyFrom(n1.mac(), healed, MDI.multipliedBy(2)))
            .as("the winner's re-announcement reaches the client within 2 x Master_Down_Interval").isPresent();
        System.out.printf("[partition] heal -> one master and the client at n1: %d ms%n",
            Duration.ofNanos(System.nanoTime() - healed).toMillis());
      }
      assertThat(n2.hasAddress(VIP)).as("no VIP on the loser").isFalse();
      assertThat(client.neighbourMac(VIP)).isEqualTo(n1.mac());
    }
  }

  private VipdProcess start(LabHost host, int priority) throws Exception {
    Path config = new NodeConfig(host.name(), 3, 74, priority, INTERVAL, VIP + "/24")
        .writeTo(dir.resolve(host.name() + ".yaml"));
    return VipdProcess.start(host, config, dir.resolve(host.name() + ".log"), List.of());
  }
}
