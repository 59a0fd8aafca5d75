package io.vipd.scenario;

import static io.vipd.scenario.TwoNodeLab.VIP4;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.instance.TransitionLine;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crashed master n1 comes back while n2 holds the VIP: with preempt it takes the VIP back, without
 * preempt (or during its preempt delay) it stays backup, and whatever it left on its interface in the
 * crash is removed at start.
 */
class ReturningMasterIT extends TwoNodeScenario {

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void oldMasterReturnsAndPreempts(Timing t) throws Exception {
    n2HoldsVipAfterN1Crashed(t);
    clientReachesVipAt(VIP4, n2);
    int n2Mark = n2.mark();

    n1.start(master(t, VIP4 + "/24"));

    TransitionLine startup = lab.awaitTransitionInto(n1, "BACKUP", 0, Timing.JVM_SLACK.multipliedBy(3));
    TransitionLine preempted = lab.awaitTransitionInto(n1, "MASTER", 0, t.failoverDeadline(MASTER_PRIORITY));
    assertThat(preempted.reason()).as(lab::logs).isEqualTo("preempting lower-priority master " + n2.host().ipv4());
    // n2 keeps advertising, so n1 acts on its next advert plus Skew_Time, well before its own MDI
    assertThat(preempted.after(startup.at())).as(lab::logs).isLessThan(t.masterDownInterval(MASTER_PRIORITY));
    TransitionLine yielded = lab.awaitTransitionInto(n2, "BACKUP", n2Mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(yielded.reason()).as(lab::logs).isEqualTo("higher-priority advert from " + n1.host().ipv4());
    onlyHolds(n1, n2, VIP4);
    clientFollowsVipTo(VIP4, n1);
  }

  /**
   * {@code systemctl restart vipd} on the master: it resigns (the backup takes over at once), and the new
   * run hears the backup's adverts before it acts, so it preempts it rather than taking over blindly.
   */
  @Test
  void restartedMasterResignsThenPreemptsTheBackup() throws Exception {
    Timing t = Timing.V3_100MS;
    startPair(t, master(t, VIP4 + "/24"), backup(t, VIP4 + "/24"));
    clientReachesVipAt(VIP4, n1);
    int n2Mark = n2.mark();

    assertThat(n1.stop(Timing.JVM_SLACK)).as("exit code after SIGTERM").isZero();
    TransitionLine tookOver = lab.awaitTransitionInto(n2, "MASTER", n2Mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(tookOver.reason()).as(lab::logs).isEqualTo("priority-0 advert from " + n1.host().ipv4());
    n1.start(master(t, VIP4 + "/24"));

    TransitionLine preempted = lab.awaitTransitionInto(n1, "MASTER", 0, Timing.JVM_SLACK.multipliedBy(3));
    assertThat(n1.transitions()).as(lab::logs).extracting(TransitionLine::to).startsWith("BACKUP", "MASTER");
    assertThat(preempted.reason()).as(lab::logs).isEqualTo("preempting lower-priority master " + n2.host().ipv4());
    lab.awaitTransitionInto(n2, "BACKUP", n2Mark + 1, t.failoverDeadline(BACKUP_PRIORITY));
    onlyHolds(n1, n2, VIP4);
    clientFollowsVipTo(VIP4, n1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void oldMasterReturnsWithoutPreemptStaysBackup(Timing t) throws Exception {
    n2HoldsVipAfterN1Crashed(t);

    n1.start(master(t, VIP4 + "/24").withPreempt(false));

    lab.awaitTransitionInto(n1, "BACKUP", 0, Timing.JVM_SLACK.multipliedBy(3));
    // longer than a preempting n1 would take (next advert + Skew_Time) and than its own MDI
    lab.staysSoFor(t.masterDownInterval(MASTER_PRIORITY).plus(t.interval()),
        "n1 BACKUP without the VIP, n2 MASTER with it",
        () -> n1.state().equals("BACKUP") && !n1.hasAddress(VIP4) && n2.state().equals("MASTER")
            && n2.hasAddress(VIP4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void preemptDelayHoldsOffTakeover(Timing t) throws Exception {
    n2HoldsVipAfterN1Crashed(t);
    // longer than preemption would otherwise take (next advert + Skew_Time)
    Duration delay = t.interval().multipliedBy(2).plusMillis(400);

    n1.start(master(t, VIP4 + "/24").withPreemptDelay(delay));

    TransitionLine startup = lab.awaitTransitionInto(n1, "BACKUP", 0, Timing.JVM_SLACK.multipliedBy(3));
    TransitionLine preempted = lab.awaitTransitionInto(n1, "MASTER", 0,
        delay.plus(t.failoverDeadline(MASTER_PRIORITY)));
    assertThat(preempted.reason()).as(lab::logs).isEqualTo("preempting lower-priority master " + n2.host().ipv4());
    assertThat(preempted.after(startup.at())).as(lab::logs)
        .isGreaterThanOrEqualTo(delay)
        .isLessThan(delay.plus(t.interval()).plus(t.skewTime(MASTER_PRIORITY)).plus(Timing.JVM_SLACK));
    lab.awaitTrue("only n1 holds " + VIP4, t.failoverDeadline(BACKUP_PRIORITY),
        () -> n1.hasAddress(VIP4) && !n2.hasAddress(VIP4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void crashLeftoverVipIsRemovedOnRestart(Timing t) throws Exception {
    leftoverIsRemovedOnRestart(t, VIP4 + "/24");
  }

  /** A /32 VIP (the default prefix) is a primary address of its own, not a secondary one: still a leftover. */
  @Test
  void crashLeftoverHostRouteVipIsRemovedOnRestart() throws Exception {
    leftoverIsRemovedOnRestart(Timing.V3_100MS, VIP4 + "/32");
  }

  private void leftoverIsRemovedOnRestart(Timing t, String cidr) throws Exception {
    n2HoldsVipAfterN1Crashed(t, cidr);
    assertThat(n1.hasAddress(VIP4)).as("a SIGKILLed master leaves its VIP behind%n%s", lab.logs()).isTrue();

    n1.start(master(t, cidr).withPreempt(false));

    lab.awaitLog(n1, "vip: removing [" + cidr + "] left on eth0 by an earlier run",
        Timing.JVM_SLACK.multipliedBy(3));
    lab.awaitTransitionInto(n1, "BACKUP", 0, Timing.JVM_SLACK);
    onlyHolds(n2, n1, VIP4);
    assertThat(n2.state()).as(lab::logs).isEqualTo("MASTER");
    clientReachesVipAt(VIP4, n2);
  }

  /** n1 was master, got SIGKILLed, and n2 took over; n1's vipd is not running. */
  private void n2HoldsVipAfterN1Crashed(Timing t) throws Exception {
    n2HoldsVipAfterN1Crashed(t, VIP4 + "/24");
  }

  private void n2HoldsVipAfterN1Crashed(Timing t, String cidr) throws Exception {
    startPair(t, master(t, cidr), backup(t, cidr));
    int mark = n2.mark();
    n1.kill();
    lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(n2.hasAddress(VIP4)).as(lab::logs).isTrue();
  }
}
