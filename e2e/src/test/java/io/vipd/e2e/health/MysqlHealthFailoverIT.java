package io.vipd.e2e.health;

import static io.vipd.e2e.health.DbPairLab.ADVERT_INTERVAL;
import static io.vipd.e2e.health.DbPairLab.BACKUP_PRIORITY;
import static io.vipd.e2e.health.DbPairLab.CHECK_INTERVAL;
import static io.vipd.e2e.health.DbPairLab.FALL;
import static io.vipd.e2e.health.DbPairLab.INSTANCE;
import static io.vipd.e2e.health.DbPairLab.MARGIN;
import static io.vipd.e2e.health.DbPairLab.MASTER_PRIORITY;
import static io.vipd.e2e.health.DbPairLab.RISE;
import static io.vipd.e2e.health.DbPairLab.VIP;
import static io.vipd.e2e.health.DbPairLab.masterDownInterval;
import static io.vipd.e2e.health.DbPairLab.skewTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.e2e.Distribution;
import io.vipd.testkit.Environment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health-driven failover of the assembled distribution: two nodes, each checking its own MariaDB with the
 * shipped check-mysql plugin, a client watching which MAC answers for the VIP.
 *
 * <p>Killing mariadbd leaves the old master's daemon, interface and VIP alive: it keeps answering pings for
 * the VIP while its database is dead, so the outage that matters is "kill to the client's neighbour entry
 * pointing at the backup", measured here by polling that entry. The expected bound is the check's
 * detection (up to {@code fall} intervals) plus the VRRP takeover: Skew_Time with fast preemption (the
 * backup hears the master's lower priority at once), Master_Down_Interval with {@code strict-rfc: true}
 * (the backup discards the lower-priority adverts and waits for its timer).
 */
class MysqlHealthFailoverIT {
  /** The debug line of a backup discarding an advert of the lowered master (strict RFC 5798 section 6.4.2). */
  private static final String LOWER_PRIORITY_DROP = "dropped advert: lower-priority (priority "
      + (MASTER_PRIORITY + NodeSettings.MYSQL_WEIGHT) + " from ";

  @BeforeAll
  static void needsRootAndTools() {
    Environment.requireRootAndTools("ip", "ping", "tcpdump", "timeout", "mariadbd");
    assertThat(Distribution.hasPlugin("check-mysql")).as("the distribution ships check-mysql").isTrue();
  }

  @Test
  void mysqlKilledOnMasterMovesVipToBackup() throws Exception {
    try (DbPairLab lab = DbPairLab.start("fast", NodeSettings.fastPreemption())) {
      Duration outage = killMastersDatabaseAndAwaitBackup(lab, skewTime(BACKUP_PRIORITY));

      Duration takeover = lab.n2.log.since(lab.n1.log, "check mysql-local: UP -> DOWN", "BACKUP -> MASTER");
      System.out.printf("fast preemption: kill -> client sees backup %d ms; check DOWN -> backup master %d ms%n",
          outage.toMillis(), takeover.toMillis());
      // the backup took over Skew_Time after the first lower-priority advert, discarding none. That timing
      // (61 ms) is not asserted against strict's earliest takeover (261 ms after the priority change): on
      // this shared machine one hop between daemon threads has taken 80 ms and a fast takeover 270 ms, so
      // at 100 ms adverts only the mechanism (no discarded advert) and the end-to-end bound are robust
      assertThat(lab.n2.log.lines("BACKUP -> MASTER")).last().asString()
          .contains("preempting lower-priority master " + lab.n1.host.ipv4());
      assertThat(lab.n2.log.count(LOWER_PRIORITY_DROP)).as("lower-priority adverts n2 discarded").isZero();
    }
  }

  @Test
  void mysqlKilledOnMasterMovesVipToBackupAfterMasterDownIntervalWithStrictRfc() throws Exception {
    try (DbPairLab lab = DbPairLab.start("strict", NodeSettings.fastPreemption().strict())) {
      Duration outage = killMastersDatabaseAndAwaitBackup(lab, masterDownInterval(BACKUP_PRIORITY));

      Duration takeover = lab.n2.log.since(lab.n1.log, "check mysql-local: UP -> DOWN", "BACKUP -> MASTER");
      System.out.printf("strict-rfc: kill -> client sees backup %d ms; check DOWN -> backup master %d ms%n",
          outage.toMillis(), takeover.toMillis());
      // the RFC backup discards the lower-priority adverts until its Master_Down_Timer fires: usually three,
      // at least the one the master sends the moment its priority drops (a starved master sends fewer)
      assertThat(lab.n2.log.lines("BACKUP -> MASTER")).last().asString()
          .contains("preempting lower-priority master " + lab.n1.host.ipv4());
      assertThat(lab.n2.log.count(LOWER_PRIORITY_DROP)).as("lower-priority adverts n2 discarded").isPositive();
      // the last priority-150 advert came at most one advert interval before the priority change, and
      // the backup ignores the lower-priority ones after it; a little slack for the log's timestamps
      assertThat(takeover).as("check DOWN on n1 -> n2 master")
          .isGreaterThanOrEqualTo(strictEarliestTakeover().minusMillis(60));
    }
  }

  @Test
  void mysqlRestartedWithPreemptVipReturns() throws Exception {
    try (DbPairLab lab = DbPairLab.start("return", NodeSettings.fastPreemption())) {
      killMastersDatabaseAndAwaitBackup(lab, skewTime(BACKUP_PRIORITY));

      lab.n1.db.restart();
      long restarted = System.nanoTime();
      long back = lab.awaitClientSees(lab.n1, Duration.ofSeconds(10));
      Duration returned = Duration.ofNanos(back - restarted);
      System.out.printf("preempt: database answering -> client sees n1 again %d ms%n", returned.toMillis());

      assertThat(returned).as("rise x interval + Skew_Time + margin")
          .isLessThan(CHECK_INTERVAL.multipliedBy(RISE).plus(skewTime(MASTER_PRIORITY)).plus(MARGIN));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        assertThat(lab.n1.holdsVip()).isTrue();
        assertThat(lab.n2.holdsVip()).isFalse();
      });
      assertThat(lab.n1.log.text()).contains("check mysql-local: DOWN -> UP",
          INSTANCE + ": effective priority " + (MASTER_PRIORITY + NodeSettings.MYSQL_WEIGHT) + " -> " + MASTER_PRIORITY);
      assertThat(lab.n2.log.text()).contains("MASTER -> BACKUP (higher-priority advert from " + lab.n1.host.ipv4());
    }
  }

  /**
   * SIGKILLs n1's mariadbd and waits for the client to reach the VIP at n2; asserts the bound
   * {@code fall x interval + takeover + margin} and that n1's priority dropped by the check's weight.
   */
  private static Duration killMastersDatabaseAndAwaitBackup(DbPairLab lab, Duration takeover) throws Exception {
    Duration bound = CHECK_INTERVAL.multipliedBy(FALL).plus(takeover).plus(MARGIN);
    long killed = System.nanoTime();
    lab.n1.db.kill();
    long seen = lab.awaitClientSees(lab.n2, bound.plusSeconds(5));
    Duration outage = Duration.ofNanos(seen - killed);

    assertThat(outage).as("kill -> client sees the backup's MAC; bound fall x interval + takeover + margin")
        .isLessThan(bound);
    // "connection refused", or "closed by the server" when the kill hit a probe
    assertThat(lab.n1.log.text()).contains("check mysql-local: UP -> DOWN (",
        INSTANCE + ": effective priority " + MASTER_PRIORITY + " -> " + (MASTER_PRIORITY + NodeSettings.MYSQL_WEIGHT));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(lab.n2.holdsVip()).isTrue();
      assertThat(lab.n1.holdsVip()).as("the old master gave the VIP up").isFalse();
    });
    assertThat(lab.client.exec("ping", "-c", "1", "-W", "2", VIP)).contains("1 received");
    return outage;
  }

  /**
   * The earliest a strict backup can take over after the master's priority dropped: the master's last
   * priority-150 advert went out at most one advert interval before, and Master_Down_Interval runs from it.
   */
  static Duration strictEarliestTakeover() {
    return masterDownInterval(BACKUP_PRIORITY).minus(ADVERT_INTERVAL);
  }
}
