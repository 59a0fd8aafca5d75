package io.vipd.scenario;

import static io.vipd.scenario.TwoNodeLab.VIP4;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.instance.TransitionLine;
import io.vipd.lab.VipdOneShot;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The master's vipd is SIGKILLed: nothing resigns, and its VIP stays on its interface while the backup
 * takes the VIP over, so two hosts answer for it. {@code vipd cleanup}, run the moment the process is gone
 * (systemd's ExecStopPost), ends that; without it the killed host keeps the VIP until vipd starts again.
 */
class CrashCleanupIT extends TwoNodeScenario {
  private static final Duration CLEANUP_DEADLINE = Timing.JVM_SLACK.multipliedBy(3);

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void cleanupAfterSigkillLeavesTheVipToTheNewMasterOnly(Timing t) throws Exception {
    startPair(t, master(t, VIP4 + "/24"), backup(t, VIP4 + "/24"));
    clientReachesVipAt(VIP4, n1);
    int mark = n2.mark();

    LocalTime killedAt = LocalTime.now();
    n1.kill();
    VipdOneShot.Result cleanup = VipdOneShot.in(n1.host())
        .run(directory.resolve("n1-cleanup.log"), CLEANUP_DEADLINE, "cleanup", "-c", n1.configFile().toString());
    LocalTime cleanedAt = LocalTime.now();

    assertThat(cleanup.exit()).as(cleanup.output()).isZero();
    assertThat(cleanup.output()).contains("vip: removed " + VIP4 + "/24 from eth0");
    assertThat(n1.hasAddress(VIP4)).as(lab::logs).isFalse();
    TransitionLine takeover = lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    assertThat(n2.hasAddress(VIP4)).as(lab::logs).isTrue();
    assertThat(n2.state()).as(lab::logs).isEqualTo("MASTER");
    clientFollowsVipTo(VIP4, n2);
    onlyHolds(n2, n1, VIP4);

    // both held it from the takeover until the cleanup ended (at most: the removal precedes the JVM's exit)
    Duration bothHeld = TransitionLine.elapsed(takeover.at(), cleanedAt);
    lab.note(t + " after SIGKILL: cleanup done in " + cleanup.took().toMillis() + " ms, takeover after "
        + takeover.after(killedAt).toMillis() + " ms; both hosts held the VIP for "
        + (bothHeld.isNegative() ? "0 ms (no host held it for " + bothHeld.negated().toMillis() + " ms)"
            : bothHeld.toMillis() + " ms"));
  }

  @Test
  void withoutCleanupTheKilledMasterKeepsTheVip() throws Exception {
    Timing t = Timing.V3_100MS;
    startPair(t, master(t, VIP4 + "/24"), backup(t, VIP4 + "/24"));
    clientReachesVipAt(VIP4, n1);
    int mark = n2.mark();

    n1.kill();

    lab.awaitTransitionInto(n2, "MASTER", mark, t.failoverDeadline(BACKUP_PRIORITY));
    clientFollowsVipTo(VIP4, n2);
    assertThat(n2.hasAddress(VIP4)).as(lab::logs).isTrue();
    assertThat(n1.hasAddress(VIP4)).as("the defect the cleanup fixes: the killed host still holds %s%n%s", VIP4,
        lab.logs()).isTrue();
  }
}
