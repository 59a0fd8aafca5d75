package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.vrrp.VrrpTimers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The switch drops frames at random (nftables {@code numgen random}; this kernel has no netem) for 60 s at
 * v3/100 ms. With p the loss, a backup takes over only when three adverts in a row are lost (p^3 per
 * interval: about 0.6 takeovers a minute at 10 %, many at 30 %), each one undone by preemption. The test
 * reports how many transitions the loss caused and requires that, once it ends, one master is left within
 * 2 x Master_Down_Interval, the client reaches it and no other host holds the VIP.
 */
class PacketLossIT extends TwoNodeScenario {
  private static final Timing T = Timing.V3_100MS;
  private static final String VIP = TwoNodeLab.VIP4;
  private static final Duration LOSS = Duration.ofSeconds(60);
  private static final Duration MDI = VrrpTimers.masterDownInterval(3, BACKUP_PRIORITY, 10);

  @ParameterizedTest(name = "{0} % loss")
  @ValueSource(ints = {10, 30})
  void aLossyNetworkEndsWithOneMasterAndTheClientOnIt(int percent) throws Exception {
    startPair(T, master(T, VIP + "/24"), backup(T, VIP + "/24"));
    clientReachesVipAt(VIP, n1);
    int n1Mark = n1.mark();
    int n2Mark = n2.mark();

    Path rules = Files.writeString(directory.resolve("loss.nft"), """
        table bridge loss {
          chain forward {
            type filter hook forward priority 0; policy accept;
            numgen random mod 100 < %d drop
          }
        }
        """.formatted(percent));
    lab.inBridge("nft", "-f", rules.toString());
    try {
      Thread.sleep(LOSS.toMillis()); // the fault itself
    } finally {
      lab.inBridge("nft", "delete", "table", "bridge", "loss");
    }
    int during = n1.transitionsAfter(n1Mark).size() + n2.transitionsAfter(n2Mark).size();
    lab.note(percent + " % loss for " + LOSS.toSeconds() + " s at v3/100 ms: " + during + " transition(s)");

    lab.awaitTrue("one master within 2 x Master_Down_Interval", MDI.multipliedBy(2),
        () -> n1.state().equals("MASTER") && n2.state().equals("BACKUP"));
    lab.awaitTrue("the client reaches n1", Duration.ofSeconds(20),
        () -> lab.clientPings(VIP) && n1.mac().equals(lab.clientNeighbourMac(VIP)));
    onlyHolds(n1, n2, VIP);
    assertThat(n1.transitionsAfter(n1Mark)).as("n1 never left MASTER").isEmpty();
    assertThat(n2.transitionsAfter(n2Mark).size() % 2).as("every takeover undone by one yield").isZero();
  }
}
