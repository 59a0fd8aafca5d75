package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.instance.TransitionLine;
import io.vipd.lab.Lab;
import io.vipd.lab.Probe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The master's vipd frozen for 5 s (SIGSTOP, as a stalled VM or a stuck JVM would be), then resumed: the
 * backup takes over meanwhile, and on resume the pair converges at once, without a fight: the better node
 * is master again after one transition of the backup, the client follows, and the paused node says it was
 * paused long enough to have been taken over.
 */
class PausedMasterIT extends TwoNodeScenario {
  private static final Timing T = Timing.V3_100MS;
  private static final String VIP = TwoNodeLab.VIP4;
  private static final Duration PAUSE = Duration.ofSeconds(5);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void aPausedMasterResumesWithoutAFight() throws Exception {
    startPair(T, master(T, VIP + "/24"), backup(T, VIP + "/24"));
    int n1Mark = n1.mark();
    int n2Mark = n2.mark();
    try (Probe probe = Probe.start(lab.client(), VIP, Duration.ofMillis(10))) {
      assertThat(probe.awaitReplyFrom(n1.mac(), PATIENCE)).as("the client reaches n1").isPresent();
      Lab.run("kill", "-STOP", Long.toString(n1.pid()));
      try {
        lab.awaitTransitionInto(n2, "MASTER", n2Mark, PATIENCE);
        Thread.sleep(PAUSE.toMillis()); // the fault itself: n1 stays frozen this long
      } finally {
        Lab.run("kill", "-CONT", Long.toString(n1.pid()));
      }
      long resumed = System.nanoTime();
      lab.awaitTransitionInto(n2, "BACKUP", n2Mark + 1, PATIENCE);
      assertThat(probe.awaitReplyFrom(n1.mac(), resumed, PATIENCE)).as("the client back at n1").isPresent();
      lab.awaitLog(n1, "this process was paused for about", PATIENCE);
    }
    assertThat(n1.transitionsAfter(n1Mark)).as("n1 never left MASTER in its own view").isEmpty();
    assertThat(n2.transitionsAfter(n2Mark)).extracting(TransitionLine::toString)
        .as("n2: one takeover, one yield, no fight")
        .satisfiesExactly(t -> assertThat(t).startsWith("BACKUP -> MASTER"), t -> assertThat(t).startsWith("MASTER -> BACKUP"));
    onlyHolds(n1, n2, VIP);
    assertThat(lab.clientNeighbourMac(VIP)).isEqualTo(n1.mac());
  }
}
