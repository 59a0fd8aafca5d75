package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.testkit.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle and observations shared by the two-node scenarios: a fresh {@link TwoNodeLab} per test,
 * removed afterwards whatever happened. n1 (priority 150) starts as the master, n2 (priority 100) as
 * the backup.
 */
abstract class TwoNodeScenario {
  static final int MASTER_PRIORITY = 150;
  static final int BACKUP_PRIORITY = 100;
  /** The first announcement burst, or the repeat 5 s later (default garp.repeat-after), plus slack. */
  static final Duration ANNOUNCE_DEADLINE = Duration.ofSeconds(8);

  @TempDir Path directory;
  TwoNodeLab lab;
  Node n1;
  Node n2;

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
    if (lab == null) {
      return;
    }
    try {
      // Blocking an event loop is a bug: Vert.x's blocked-thread checker logs it, and no scenario may cause it.
      assertThat(lab.logs()).as("vipd logs").doesNotContain("has been blocked for");
    } finally {
      lab.close();
    }
  }

  static Stream<Timing> timings() {
    return Timing.classicAndFast();
  }

  /** n1's usual config: the master, priority 150, preempting. */
  static NodeConfig master(Timing t, String vip) {
    return NodeConfig.of("n1", t, MASTER_PRIORITY, vip);
  }

  /** n2's usual config: the backup, priority 100. */
  static NodeConfig backup(Timing t, String vip) {
    return NodeConfig.of("n2", t, BACKUP_PRIORITY, vip);
  }

  /** Starts both nodes in parallel and waits until n1 is master and n2 backup. */
  void startPair(Timing t, NodeConfig first, NodeConfig second) throws Exception {
    lab.startBoth(first, second);
    lab.awaitMasterAndBackup(n1, n2, first.vipAddress(), t.startupDeadline(BACKUP_PRIORITY));
  }

  /** The client pings the VIP (creating its neighbour entry) and finds it at {@code node}'s MAC. */
  void clientReachesVipAt(String vip, Node node) throws Exception {
    assertThat(lab.clientPings(vip)).as("client pings %s%n%s", vip, lab.logs()).isTrue();
    assertThat(lab.clientNeighbourMac(vip)).as(lab::logs).isEqualTo(node.mac());
  }

  /**
   * The new master's announcements move the client's existing neighbour entry to its MAC (no ping in
   * between, which could refresh the old entry), and the VIP answers from there.
   */
  void clientFollowsVipTo(String vip, Node node) throws Exception {
    String mac = node.mac();
    lab.awaitTrue("client's neighbour entry for " + vip + " points at " + node.name() + " " + mac,
        ANNOUNCE_DEADLINE, () -> mac.equals(lab.clientNeighbourMac(vip)));
    assertThat(lab.clientPings(vip)).as("client pings %s%n%s", vip, lab.logs()).isTrue();
    assertThat(lab.clientNeighbourMac(vip)).as(lab::logs).isEqualTo(mac);
  }

  /** Only {@code holder} has the VIP on its eth0. */
  void onlyHolds(Node holder, Node other, String vip) throws Exception {
    assertThat(holder.hasAddress(vip)).as("%s holds %s%n%s", holder.name(), vip, lab.logs()).isTrue();
    assertThat(other.hasAddress(vip)).as("%s holds %s%n%s", other.name(), vip, lab.logs()).isFalse();
  }
}
