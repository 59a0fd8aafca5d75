package io.vipd.scenario;

import static io.vipd.scenario.TwoNodeLab.VIP4;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vipd.instance.TransitionLine;
import io.vipd.testkit.VipdCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An operator drains the master with {@code vipd maintenance}, restarts its vipd (the drained node must not
 * take the VIP back, though it has the higher priority and preempts), ends the maintenance, and hands the VIP
 * over with {@code vipd failover}: the real command line in the node's namespace, against the real daemons.
 */
class MaintenanceIT extends TwoNodeScenario {
  private static final Timing T = Timing.V3_100MS;
  private static final String TOKEN = "maintenance-it-token-4c2d";

  @Test
  void aDrainedMasterStaysDrainedAcrossARestartUntilMaintenanceEndsAndFailoverHandsTheVipOver() throws Exception {
    NodeConfig n1Config = master(T, VIP4 + "/24").withApi(TOKEN);
    startPair(T, n1Config, backup(T, VIP4 + "/24").withApi(TOKEN));
    String n1File = n1.configFile().toString();
    Path stateFile = n1.stateDirectory().resolve("maintenance.json");

    // drain the master: the backup takes over
    int n2Mark = n2.mark();
    VipdCli.Result on = n1.vipd("maintenance", NodeConfig.INSTANCE, "on", "-c", n1File);
    assertThat(on.exitCode()).as(on.output()).isZero();
    assertThat(on.output()).isEqualTo("instance vip goes to FAULT (maintenance) and gives up its VIPs\n");
    lab.awaitTransitionInto(n2, "MASTER", n2Mark, T.failoverDeadline(BACKUP_PRIORITY));
    lab.awaitTrue("n1 in FAULT without the VIP, n2 holding it", T.failoverDeadline(BACKUP_PRIORITY),
        () -> n1.state().equals("FAULT") && !n1.hasAddress(VIP4) && n2.hasAddress(VIP4));
    assertThat(n1.lastTransition().orElseThrow().reason()).isEqualTo("fault: maintenance");
    assertThat(new JsonObject(Files.readString(stateFile)).getJsonArray("maintenance").getList())
        .containsExactly(NodeConfig.INSTANCE);

    // restart the drained node with the same state directory: FAULT from the start, never MASTER
    assertThat(n1.stop(Duration.ofSeconds(5))).as(lab::logs).isZero();
    n2Mark = n2.mark();
    n1.start(n1Config);
    TransitionLine restarted = lab.awaitTransitionInto(n1, "FAULT", 0, Timing.JVM_SLACK.multipliedBy(3));
    assertThat(restarted.from()).isEqualTo("INITIALIZE");
    assertThat(restarted.reason()).isEqualTo("fault: maintenance");
    // longer than an n1 without maintenance would take to preempt (next advert + Skew_Time) and its own MDI
    lab.staysSoFor(T.masterDownInterval(MASTER_PRIORITY).plus(T.interval()).multipliedBy(2),
        "n1 in FAULT without the VIP, n2 MASTER with it",
        () -> n1.state().equals("FAULT") && !n1.hasAddress(VIP4) && n2.state().equals("MASTER")
            && n2.hasAddress(VIP4));
    assertThat(n1.transitions()).as("the restarted n1's transitions%n%s", lab.logs())
        .extracting(TransitionLine::to).containsExactly("FAULT");
    assertThat(n2.transitionsAfter(n2Mark)).as("n2 kept the VIP throughout%n%s", lab.logs()).isEmpty();
    VipdCli.Result table = n1.vipd("status", "-c", n1File);
    assertThat(table.output()).containsPattern("vip +FAULT \\(maintenance\\) +150 ")
        .contains("in maintenance: vip (kept across restarts");
    JsonObject drained = new JsonObject(n1.vipd("status", "--json", "-c", n1File).output())
        .getJsonArray("instances").getJsonObject(0);
    assertThat(drained.getBoolean("maintenance")).isTrue();
    assertThat(drained.getLong("adverts_received")).as("it heard n2's adverts and let them be").isPositive();

    // end the maintenance: n1 is an ordinary node again and, preempting, takes the VIP back
    int n1Mark = n1.mark();
    n2Mark = n2.mark();
    VipdCli.Result off = n1.vipd("maintenance", NodeConfig.INSTANCE, "off", "-c", n1File);
    assertThat(off.exitCode()).as(off.output()).isZero();
    assertThat(off.output()).isEqualTo("instance vip leaves maintenance\n");
    lab.awaitTransitionInto(n1, "MASTER", n1Mark, T.failoverDeadline(MASTER_PRIORITY));
    lab.awaitTransitionInto(n2, "BACKUP", n2Mark, T.failoverDeadline(BACKUP_PRIORITY));
    onlyHolds(n1, n2, VIP4);
    assertThat(new JsonObject(Files.readString(stateFile)).getJsonArray("maintenance").getList()).isEmpty();

    // failover: a backup has nothing to hand over; the master resigns and n2 takes the VIP
    VipdCli.Result refused = n2.vipd("failover", NodeConfig.INSTANCE, "-c", n2.configFile().toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("answered HTTP 409: instance vip is not MASTER here");
    n1Mark = n1.mark();
    n2Mark = n2.mark();
    VipdCli.Result handedOver = n1.vipd("failover", NodeConfig.INSTANCE, "-c", n1File);
    assertThat(handedOver.exitCode()).as(handedOver.output()).isZero();
    assertThat(handedOver.output()).isEqualTo("instance vip resigned (priority 0); a backup takes over\n");
    TransitionLine resigned = lab.awaitTransitionInto(n1, "BACKUP", n1Mark, T.failoverDeadline(MASTER_PRIORITY));
    assertThat(resigned.reason()).isEqualTo("handed over on request");
    lab.awaitTransitionInto(n2, "MASTER", n2Mark, T.failoverDeadline(BACKUP_PRIORITY));
    // n1 preempts n2 again, as VRRP says for the higher priority (maintenance is what keeps a node away)
    lab.awaitTransitionInto(n1, "MASTER", n1Mark + 1, T.failoverDeadline(MASTER_PRIORITY));
    assertThat(n1.log() + n2.log()).as("no log holds the token").doesNotContain(TOKEN);
  }
}
