package io.vipd.e2e.health;

import static io.vipd.e2e.health.DbPairLab.BACKUP_PRIORITY;
import static io.vipd.e2e.health.DbPairLab.CHECK_INTERVAL;
import static io.vipd.e2e.health.DbPairLab.FALL;
import static io.vipd.e2e.health.DbPairLab.INSTANCE;
import static io.vipd.e2e.health.DbPairLab.MARGIN;
import static io.vipd.e2e.health.DbPairLab.MASTER_PRIORITY;
import static io.vipd.e2e.health.DbPairLab.skewTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.e2e.Distribution;
import io.vipd.testkit.Environment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What tracking does with a check's status besides a plain failover, on the assembled distribution: a
 * DEGRADED check lowers the priority without moving the VIP when the peer is worse off, and
 * {@code on-down: fault} makes the master give the VIP up.
 */
class HealthPriorityIT {
  private static final Duration STATUS_CHANGE = CHECK_INTERVAL.multipliedBy(FALL).plus(Duration.ofSeconds(5));

  @BeforeAll
  static void needsRootAndTools() {
    Environment.requireRootAndTools("ip", "ping", "tcpdump", "timeout", "mariadbd");
    assertThat(Distribution.hasPlugin("check-mysql")).as("the distribution ships check-mysql").isTrue();
    assertThat(Distribution.hasPlugin("check-exec")).as("the distribution ships check-exec").isTrue();
  }

  @Test
  void degradedCheckLowersPriorityWithoutFailoverWhenPeerIsWorse() throws Exception {
    try (DbPairLab lab = DbPairLab.start("degraded", NodeSettings.fastPreemption().withQuality())) {
      int degraded = MASTER_PRIORITY + NodeSettings.QUALITY_WEIGHT;
      int peerDown = BACKUP_PRIORITY + NodeSettings.MYSQL_WEIGHT;
      // the peer is worse off: its database is dead
      lab.n2.db.kill();
      await("n2's priority drops to " + peerDown).atMost(STATUS_CHANGE)
          .until(() -> lab.n2.log.contains(INSTANCE + ": effective priority " + BACKUP_PRIORITY + " -> " + peerDown));
      int n1Transitions = lab.n1.transitions();
      int n2Transitions = lab.n2.transitions();

      lab.n1.setQualityExitCode(2);
      await("n1's quality check DEGRADED and its priority " + degraded).atMost(STATUS_CHANGE).until(() ->
          lab.n1.log.contains("check quality: UP -> DEGRADED")
              && lab.n1.log.contains(INSTANCE + ": effective priority " + MASTER_PRIORITY + " -> " + degraded));

      // the master advertises its lowered priority, still above the peer's
      List<String> adverts = lab.captureAdverts(4);
      assertThat(adverts).hasSize(4).allSatisfy(advert -> assertThat(advert)
          .contains(lab.n1.host.ipv4() + " > 224.0.0.18").contains("prio " + degraded));
      // and nobody moves: 90 beats 40
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
          lab.n1.holdsVip() && !lab.n2.holdsVip() && lab.n1.mac().equals(lab.clientSeesVipAt()));
      assertThat(lab.n1.transitions()).as("n1 transitions").isEqualTo(n1Transitions);
      assertThat(lab.n2.transitions()).as("n2 transitions").isEqualTo(n2Transitions);
      assertThat(lab.client.exec("ping", "-c", "1", "-W", "2", DbPairLab.VIP)).contains("1 received");
    }
  }

  @Test
  void checkOnDownFaultGivesUpVip() throws Exception {
    try (DbPairLab lab = DbPairLab.start("fault", NodeSettings.fastPreemption().faultOnDown())) {
      // a master entering FAULT resigns with a priority-0 advert; the backup waits only Skew_Time
      Duration bound = CHECK_INTERVAL.multipliedBy(FALL).plus(skewTime(BACKUP_PRIORITY)).plus(MARGIN);
      long killed = System.nanoTime();
      lab.n1.db.kill();
      long seen = lab.awaitClientSees(lab.n2, bound.plusSeconds(5));
      Duration outage = Duration.ofNanos(seen - killed);
      System.out.printf("on-down fault: kill -> client sees backup %d ms%n", outage.toMillis());

      assertThat(outage).as("kill -> client sees the backup; bound fall x interval + Skew_Time + margin")
          .isLessThan(bound);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        assertThat(lab.n1.holdsVip()).as("n1 gave the VIP up").isFalse();
        assertThat(lab.n2.holdsVip()).isTrue();
      });
      assertThat(lab.n1.log.lines(INSTANCE + ": MASTER -> FAULT (")).singleElement().asString()
          .contains("mysql-local");
      assertThat(lab.n1.log.text()).doesNotContain("effective priority");
      assertThat(lab.n2.log.lines("BACKUP -> MASTER")).last().asString().contains("priority-0 advert");
    }
  }
}
