package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.lab.Probe;
import io.vipd.vrrp.VrrpTimers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The switch stops forwarding the master's frames (links stay up) while the backup and the client keep
 * talking: both nodes are master while apart, and the client follows the backup. After the heal one
 * master is left within 2 x Master_Down_Interval, and the winner's re-announcement brings the client back.
 */
class PartitionIT extends TwoNodeScenario {
  private static final Timing T = Timing.V3_100MS;
  private static final String VIP = TwoNodeLab.VIP4;
  private static final Duration MDI = VrrpTimers.masterDownInterval(3, BACKUP_PRIORITY, 10);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void bothMastersWhileApartOneAfterTheHealAndTheClientFollowsTheWinner() throws Exception {
    startPair(T, master(T, VIP + "/24"), backup(T, VIP + "/24"));
    try (Probe probe = Probe.start(lab.client(), VIP, Duration.ofMillis(10))) {
      assertThat(probe.awaitReplyFrom(n1.mac(), PATIENCE)).isPresent();
      n1.host().setPortForwarding(false);
      long parted = System.nanoTime();
      assertThat(probe.awaitReplyFrom(n2.mac(), parted, PATIENCE)).as("the client follows n2").isPresent();
      assertThat(n1.state()).as("n1, cut off, still master").isEqualTo("MASTER");
      assertThat(n2.state()).isEqualTo("MASTER");

      n1.host().setPortForwarding(true);
      long healed = System.nanoTime();
      lab.awaitTrue("one master after the heal", MDI.multipliedBy(2),
          () -> n2.state().equals("BACKUP") && n1.state().equals("MASTER"));
      // the loser yields with one last advert, which makes the winner re-announce: without it a loser that
      // heard the winner first left the client at its own MAC until the neighbour entry went stale (2.7 s)
      assertThat(probe.awaitReplyFrom(n1.mac(), healed, MDI.multipliedBy(2)))
          .as("the winner's re-announcement reaches the client within 2 x Master_Down_Interval").isPresent();
      lab.note("partition heal -> one master and the client at n1: "
          + Duration.ofNanos(System.nanoTime() - healed).toMillis() + " ms");
    }
    onlyHolds(n1, n2, VIP);
    assertThat(lab.clientNeighbourMac(VIP)).isEqualTo(n1.mac());
  }
}
