package io.vipd.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.testkit.NamespacedJvm;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A neighbour that caches the VIP at a stale MAC repoints it at the announcer's MAC. A neighbour entry
 * younger than locktime (1 s) may ignore an update, so the announcement is repeated until the entry
 * changes or the deadline passes, as a real failover repeats it.
 */
class AnnouncerIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String STALE_MAC = "02:00:00:00:00:99";

  private static Lab lab;
  private static LabHost announcer;
  private static LabHost neighbour;
  private static NamespacedJvm agent;

  @BeforeAll
  static void twoNodes() throws Exception {
    Environment.requireRootAndTools("ip", "sysctl");
    lab = Lab.create().withoutDuplicateAddressDetection();
    announcer = lab.addHost("a", 1);
    neighbour = lab.addHost("b", 2);
    agent = lab.closing(NamespacedJvm.start(announcer.namespace(), NetAgent.class));
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close(); // closes the agents first
    }
  }

  @Test
  void gratuitousArpRepointsTheNeighboursEntryForTheVip() throws Exception {
    neighbour.exec("ip", "neigh", "replace", "10.99.0.100", "lladdr", STALE_MAC, "dev", "eth0", "nud", "stale");
    assertThat(neighbour.exec("ip", "neigh", "show", "10.99.0.100")).contains(STALE_MAC);

    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      agent.call("garp eth0 10.99.0.100", WAIT);
      assertThat(neighbour.exec("ip", "neigh", "show", "10.99.0.100")).contains(announcer.mac());
    });
  }

  @Test
  void unsolicitedNeighborAdvertRepointsTheNeighboursEntryForTheVip() throws Exception {
    neighbour.exec("ip", "-6", "neigh", "replace", "fd99::100", "lladdr", STALE_MAC, "dev", "eth0", "nud", "stale");
    assertThat(neighbour.exec("ip", "-6", "neigh", "show", "fd99::100")).contains(STALE_MAC);

    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      agent.call("una eth0 fd99::100", WAIT);
      assertThat(neighbour.exec("ip", "-6", "neigh", "show", "fd99::100")).contains(announcer.mac());
    });
  }
}
