package io.vipd.scenario;

import io.vipd.instance.TransitionLine;
import static io.vipd.scenario.TwoNodeLab.VIP4;
import static io.vipd.scenario.TwoNodeLab.VIP6;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The master goes away (crash, graceful stop, dead link) and the backup takes the VIP over; the client
 * on the same LAN follows it.
 */
class FailoverIT extends TwoNodeScenario {

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void masterKilledBackupTakesOver(Timing t) throws Exception {
    startPair(t, master(t, VIP4 + "/24"), backup(t, VIP4 + "/24"));
    clientReachesVipAt(VIP4, n1);

    backupTakesOverFromKilledMaster(t, VIP4);
    clientFollowsVipTo(VIP4, n2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void gracefulStopHandsOverInSkewTime(Timing t) throws Exception {
    gracefulStopHandsOver(t, VIP4, VIP4 + "/24");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vipd.scenario.Timing#ipv6")
  void ipv6GracefulStopHandsOverInSkewTime(Timing t) throws Exception {
    gracefulStopHandsOver(t, VIP6, VIP6 + "/64");
  }

  private void gracefulStopHandsOver(Timing t, String vip, String cidr) throws Exception {
    startPair(t, master(t, cidr), backup(t, cidr));
    clientReachesVipAt(vip, n1);

    int mark = n2.mark();
    long before = System.nanoTime();
    int exit = n1.stop(Duration.ofSeconds(1));
    Duration stopTook = Duration.ofNanos(System.nanoTime() - before);

    assertThat(exit).as("exit code of SIGTERM'd vipd after %s ms%n%s", stopTook.toMillis(), lab.logs()).isZero();
    assertThat(n1.hasAddress(vip)).as(lab::logs).isFalse();
    TransitionLine resigned = n1.lastTransition().orElseThrow();
    assertThat(resigned.to()).as(lab::logs).isEqualTo("STOPPED");
    TransitionLine takeover = lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(takeover.reason()).as(lab::logs).startsWith("priority-0 advert from " + advertSource(n1, vip));
    assertThat(takeover.after(resigned.at())).as(lab::logs).isLessThan(t.handoverBound(BACKUP_PRIORITY));
    lab.note(t + " SIGTERM to exit " + stopTook.toMillis() + " ms, takeover " + takeover.after(resigned.at()).toMillis()
        + " ms after the resignation (Skew_Time " + t.skewTime(BACKUP_PRIORITY).toMillis() + " ms)");
    assertThat(n2.hasAddress(vip)).as(lab::logs).isTrue();
    clientFollowsVipTo(vip, n2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void masterLinkDownGoesToFaultAndBackupTakesOver(Timing t) throws Exception {
    masterLinkDownAndBack(t, VIP4, VIP4 + "/24");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vipd.scenario.Timing#ipv6")
  void ipv6MasterLinkDownGoesToFaultAndBackupTakesOver(Timing t) throws Exception {
    masterLinkDownAndBack(t, VIP6, VIP6 + "/64");
  }

  private void masterLinkDownAndBack(Timing t, String vip, String cidr) throws Exception {
    startPair(t, master(t, cidr), backup(t, cidr));
    clientReachesVipAt(vip, n1);
    int n1Mark = n1.mark();
    int n2Mark = n2.mark();

    n1.host().setLink(false);

    TransitionLine fault = lab.awaitTransitionInto(n1, "FAULT", n1Mark, Duration.ofSeconds(2));
    assertThat(fault.reason()).as(lab::logs).contains("link eth0 down");
    assertThat(n1.hasAddress(vip)).as(lab::logs).isFalse();
    TransitionLine takeover = lab.awaitTransitionInto(n2, "MASTER", n2Mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(takeover.reason()).as(lab::logs).isEqualTo("master-down timer expired");
    assertThat(n2.hasAddress(vip)).as(lab::logs).isTrue();
    clientFollowsVipTo(vip, n2);

    n1Mark = n1.mark();
    n1.host().setLink(true);

    TransitionLine recovered = lab.awaitTransitionInto(n1, "BACKUP", n1Mark, Duration.ofSeconds(2));
    assertThat(recovered.reason()).as(lab::logs).isEqualTo("fault cleared");
    TransitionLine preempted = lab.awaitTransitionInto(n1, "MASTER", n1Mark, t.failoverDeadline(MASTER_PRIORITY));
    assertThat(preempted.reason()).as(lab::logs).startsWith("preempting lower-priority master " + advertSource(n2, vip));
    lab.awaitTrue("only n1 holds " + vip, t.failoverDeadline(BACKUP_PRIORITY),
        () -> n1.hasAddress(vip) && !n2.hasAddress(vip));
    clientFollowsVipTo(vip, n1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void unicastTransportFailsOver(Timing t) throws Exception {
    startPair(t, master(t, VIP4 + "/24").withUnicastPeers(n2.host().ipv4()),
        backup(t, VIP4 + "/24").withUnicastPeers(n1.host().ipv4()));
    clientReachesVipAt(VIP4, n1);

    backupTakesOverFromKilledMaster(t, VIP4);
    clientFollowsVipTo(VIP4, n2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vipd.scenario.Timing#ipv6")
  void ipv6VipWithVrrpV3FailsOver(Timing t) throws Exception {
    startPair(t, master(t, VIP6 + "/64"), backup(t, VIP6 + "/64"));
    clientReachesVipAt(VIP6, n1);

    backupTakesOverFromKilledMaster(t, VIP6);
    clientFollowsVipTo(VIP6, n2);
  }

  /** SIGKILL n1; n2 must take over once its Master_Down_Timer expires, not sooner, not much later. */
  private void backupTakesOverFromKilledMaster(Timing t, String vip) throws Exception {
    int mark = n2.mark();
    LocalTime killedAt = LocalTime.now();
    n1.kill();

    TransitionLine takeover = lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(takeover.reason()).as(lab::logs).isEqualTo("master-down timer expired");
    assertThat(takeover.after(killedAt)).as(lab::logs)
        .isGreaterThanOrEqualTo(t.masterDownInterval(BACKUP_PRIORITY).minus(t.interval()).minus(CLOCK_MARGIN))
        .isLessThanOrEqualTo(t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(n2.hasAddress(vip)).as(lab::logs).isTrue();
    lab.note(t + " takeover " + takeover.after(killedAt).toMillis() + " ms after SIGKILL (MDI "
        + t.masterDownInterval(BACKUP_PRIORITY).toMillis() + " ms)");
  }

  /** Log stamps are truncated to the millisecond and taken a moment after the event they report. */
  private static final Duration CLOCK_MARGIN = Duration.ofMillis(10);

  /** Where a node's adverts come from: its IPv4 address, or its link-local address for an IPv6 VIP. */
  private static String advertSource(Node node, String vip) throws Exception {
    return vip.contains(":") ? node.host().linkLocal().getHostAddress() : node.host().ipv4();
  }
}
