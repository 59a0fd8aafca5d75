package io.vipd.scenario;

import static io.vipd.scenario.TwoNodeLab.VIP4;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.testing.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The master goes away (crash, graceful stop, dead link) and the backup takes the VIP over; the client
 * on the same LAN follows it. n1 (priority 150) is the master, n2 (priority 100) the backup.
 */
class FailoverIT {
  private static final int MASTER_PRIORITY = 150;
  private static final int BACKUP_PRIORITY = 100;

  @TempDir Path directory;
  private TwoNodeLab lab;
  private Node n1;
  private Node n2;

  @BeforeAll
  static void needsRootAndTools() {
    Environment.requireRootAndTools("ip", "ping");
  }

  @BeforeEach
  void createLab() throws Exception {
    lab = TwoNodeLab.create(directory);
    n1 = lab.n1();
    n2 = lab.n2();
  }

  @AfterEach
  void removeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  static java.util.stream.Stream<Timing> timings() {
    return Timing.classicAndFast();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void masterKilledBackupTakesOver(Timing t) throws Exception {
    startPair(t, VIP4 + "/24");
    clientReachesVipAt(VIP4, n1);

    int mark = n2.mark();
    LocalTime killedAt = LocalTime.now();
    n1.kill();

    Transition takeover = lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(takeover.reason()).as(lab::logs).isEqualTo("master-down timer expired");
    assertThat(takeover.after(killedAt)).as(lab::logs)
        .isGreaterThanOrEqualTo(t.masterDownInterval(BACKUP_PRIORITY).minus(t.interval()))
        .isLessThanOrEqualTo(t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(n2.hasAddress(VIP4)).as(lab::logs).isTrue();
    clientFollowsVipTo(VIP4, n2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void gracefulStopHandsOverInSkewTime(Timing t) throws Exception {
    startPair(t, VIP4 + "/24");

    int mark = n2.mark();
    long before = System.nanoTime();
    int exit = n1.stop(Duration.ofSeconds(1));
    Duration stopTook = Duration.ofNanos(System.nanoTime() - before);

    assertThat(exit).as("exit code of SIGTERM'd vipd after %s ms%n%s", stopTook.toMillis(), lab.logs()).isZero();
    assertThat(n1.hasAddress(VIP4)).as(lab::logs).isFalse();
    Transition resigned = n1.lastTransition().orElseThrow();
    assertThat(resigned.to()).as(lab::logs).isEqualTo("STOPPED");
    Transition takeover = lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(takeover.reason()).as(lab::logs).startsWith("priority-0 advert from " + n1.host().ipv4());
    assertThat(takeover.after(resigned.at())).as(lab::logs)
        .isLessThan(t.handoverBound(BACKUP_PRIORITY));
    assertThat(n2.hasAddress(VIP4)).as(lab::logs).isTrue();
  }

  /** Starts n1 (150) and n2 (100) with {@code vip} and waits until n1 is master. */
  private void startPair(Timing t, String vip) throws Exception {
    lab.startBoth(NodeConfig.of("n1", t, MASTER_PRIORITY, vip), NodeConfig.of("n2", t, BACKUP_PRIORITY, vip));
    lab.awaitMasterAndBackup(n1, n2, vip.substring(0, vip.indexOf('/')), t.startupDeadline(BACKUP_PRIORITY));
  }

  /** The client pings the VIP (creating its neighbour entry) and finds it at {@code node}'s MAC. */
  private void clientReachesVipAt(String vip, Node node) throws Exception {
    assertThat(lab.clientPings(vip)).as("client pings %s%n%s", vip, lab.logs()).isTrue();
    assertThat(lab.clientNeighbourMac(vip)).as(lab::logs).isEqualTo(node.mac());
  }

  /**
   * The new master's announcements move the client's existing neighbour entry to its MAC, and the VIP
   * answers from there.
   */
  private void clientFollowsVipTo(String vip, Node node) throws Exception {
    String mac = node.mac();
    long before = System.nanoTime();
    lab.awaitTrue("client's neighbour entry for " + vip + " points at " + node.name() + " " + mac,
        ANNOUNCE_DEADLINE, () -> mac.equals(lab.clientNeighbourMac(vip)));
    System.out.printf("neighbour switched %d ms after takeover was seen%n", (System.nanoTime() - before) / 1_000_000);
    assertThat(lab.clientPings(vip)).as("client pings %s%n%s", vip, lab.logs()).isTrue();
    assertThat(lab.clientNeighbourMac(vip)).as(lab::logs).isEqualTo(mac);
  }

  /** The first announcement burst, or the repeat 5 s later (default garp.repeat-after), plus slack. */
  private static final Duration ANNOUNCE_DEADLINE = Duration.ofSeconds(8);
}
