package io.vipd.vrrp;

import static io.vipd.vrrp.ManualDriver.ip;
import static io.vipd.vrrp.ManualDriver.ms;
import static io.vipd.vrrp.VrrpState.BACKUP;
import static io.vipd.vrrp.VrrpState.FAULT;
import static io.vipd.vrrp.VrrpState.INITIALIZE;
import static io.vipd.vrrp.VrrpState.MASTER;
import static io.vipd.vrrp.VrrpState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.vrrp.VrrpAction.AddVips;
import io.vipd.vrrp.VrrpAction.Announce;
import io.vipd.vrrp.VrrpAction.Dropped;
import io.vipd.vrrp.VrrpAction.RemoveVips;
import io.vipd.vrrp.VrrpAction.SendAdvert;
import io.vipd.vrrp.VrrpAction.StateChanged;
import io.vipd.vrrp.VrrpEvent.AdvertReceived;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transitions of RFC 5798 section 6.4 (and keepalived's FAULT), one scenario each, on a manual clock.
 * Unless a test says otherwise: VRRPv3, VRID 1, 1 s interval, our address 10.0.0.1, priority 100, so
 * Skew_Time = 156 * 100 / 256 = 60 cs and Master_Down_Interval = 360 cs.
 */
class VrrpStateMachineTest {

  static final String PEER = "10.0.0.2";

  static VrrpSettings settings(int priority) {
    return VrrpSettings.of(1, 3, priority, ip("10.0.0.1"));
  }

  static AdvertReceived advert(int priority, String source) {
    return AdvertReceived.v3(1, priority, 100, ip(source), 255);
  }

  static ManualDriver startedBackup(VrrpSettings settings) {
    ManualDriver d = new ManualDriver(settings);
    d.deliver(new VrrpEvent.Startup());
    assertThat(d.machine.state()).isEqualTo(BACKUP);
    return d;
  }

  static ManualDriver master(VrrpSettings settings) {
    ManualDriver d = startedBackup(settings);
    d.advance(ms(4000));
    assertThat(d.machine.state()).isEqualTo(MASTER);
    return d;
  }

  @Test
  void noPeerBecomesMasterAfterMasterDownInterval() {
    ManualDriver d = new ManualDriver(settings(100));

    assertThat(d.deliver(new VrrpEvent.Startup())).containsExactly(new StateChanged(INITIALIZE, BACKUP, "startup"));
    assertThat(d.untilDeadline()).isEqualTo(ms(3600));
    assertThat(d.advance(ms(3599))).isEmpty();
    assertThat(d.advance(ms(1))).containsExactly(
        new AddVips(), new SendAdvert(100), new Announce(),
        new StateChanged(BACKUP, MASTER, "master-down timer expired"));
    assertThat(d.untilDeadline()).isEqualTo(ms(1000));
  }

  @Test
  void addressOwnerBecomesMasterAtOnce() {
    ManualDriver d = new ManualDriver(settings(255));

    assertThat(d.deliver(new VrrpEvent.Startup())).containsExactly(
        new AddVips(), new SendAdvert(255), new Announce(),
        new StateChanged(INITIALIZE, MASTER, "address owner (priority 255)"));
    assertThat(d.untilDeadline()).isEqualTo(ms(1000));
  }

  @Test
  void masterAdvertisesEveryInterval() {
    ManualDriver d = new ManualDriver(settings(255));
    d.deliver(new VrrpEvent.Startup());

    assertThat(d.advance(ms(3500))).containsExactly(new SendAdvert(255), new SendAdvert(255), new SendAdvert(255));
    assertThat(d.log()).filteredOn(t -> t.action() instanceof SendAdvert).extracting(ManualDriver.Timed::at)
        .containsExactly(ms(0), ms(1000), ms(2000), ms(3000));
  }

  @Test
  void higherPriorityPeerKeepsUsBackup() {
    ManualDriver d = startedBackup(settings(100));

    for (int i = 0; i < 10; i++) {
      d.advance(ms(1000));
      assertThat(d.deliver(advert(200, PEER))).isEmpty();
    }
    d.advance(ms(3599));

    assertThat(d.machine.state()).isEqualTo(BACKUP);
    assertThat(d.machine.currentMaster()).contains(ip(PEER));
    assertThat(d.stateChanges()).hasSize(1);
  }

  @Test
  void backupWithoutAdvertsTakesOverWhenMasterIsKilled() {
    ManualDriver d = startedBackup(settings(100));
    d.advance(ms(1000));
    d.deliver(advert(200, PEER)); // last advert, then the master dies silently

    d.advance(ms(3600));

    assertThat(d.machine.state()).isEqualTo(MASTER);
    assertThat(d.lastStateChangeAt()).isEqualTo(ms(4600));
  }

  @Test
  void preemptTakesOverLowerPriorityMasterAfterSkewTime() {
    // priority 150: Skew_Time = 106 * 100 / 256 = 41 cs
    ManualDriver d = startedBackup(settings(150));
    d.advance(ms(200));

    assertThat(d.deliver(advert(100, PEER))).isEmpty();
    assertThat(d.untilDeadline()).isEqualTo(ms(410));
    assertThat(d.advance(ms(410))).last()
        .isEqualTo(new StateChanged(BACKUP, MASTER, "preempting lower-priority master 10.0.0.2"));
    assertThat(d.lastStateChangeAt()).isEqualTo(ms(610));
  }

  @Test
  void strictRfcPreemptsLowerPriorityMasterAfterMasterDownInterval() {
    // priority 150: Master_Down_Interval = 300 + 41 = 341 cs from startup, never reset by the lower master
    ManualDriver d = startedBackup(settings(150).withStrictRfc(true));
    d.advance(ms(200));
    for (int i = 0; i < 4; i++) {
      assertThat(d.deliver(advert(100, PEER))).singleElement().isInstanceOfSatisfying(Dropped.class,
          drop -> assertThat(drop.reason()).isEqualTo(DropReason.LOWER_PRIORITY));
      d.advance(ms(1000));
    }

    assertThat(d.machine.state()).isEqualTo(MASTER);
    assertThat(d.lastStateChangeAt()).isEqualTo(ms(3410));
    assertThat(d.stateChanges()).last().extracting(ManualDriver.Timed::action)
        .isEqualTo(new StateChanged(BACKUP, MASTER, "preempting lower-priority master 10.0.0.2"));
  }

  @Test
  void noPreemptStaysBackup() {
    ManualDriver d = startedBackup(settings(150).withPreempt(false));

    for (int i = 0; i < 20; i++) {
      d.advance(ms(1000));
      assertThat(d.deliver(advert(100, PEER))).isEmpty();
    }

    assertThat(d.machine.state()).isEqualTo(BACKUP);
    assertThat(d.machine.currentMaster()).contains(ip(PEER));
  }

  @Test
  void addressOwnerPreemptsEvenWithPreemptOff() {
    ManualDriver d = new ManualDriver(settings(100).withPreempt(false));
    d.deliver(new VrrpEvent.Startup());
    d.deliver(new VrrpEvent.PriorityChanged(255));

    d.advance(ms(500));
    d.deliver(advert(100, PEER));
    d.advance(ms(100)); // Skew_Time of 255 is 0 cs

    assertThat(d.machine.state()).isEqualTo(MASTER);
  }

  @Test
  void preemptDelayWaits() {
    // lower-priority master advertising at 0.5 s, 1.5 s, ...; preempt-delay 5 s from startup
    ManualDriver d = startedBackup(settings(150).withPreemptDelay(Duration.ofSeconds(5)));
    d.advance(ms(500));
    for (int i = 0; i < 5; i++) {
      assertThat(d.deliver(advert(100, PEER))).isEmpty();
      d.advance(ms(1000));
    }
    assertThat(d.machine.state()).as("still within preempt-delay at 5.5 s").isEqualTo(BACKUP);

    d.deliver(advert(100, PEER)); // first lower-priority advert after the delay: Skew_Time 410 ms
    d.advance(ms(1000));

    assertThat(d.machine.state()).isEqualTo(MASTER);
    assertThat(d.lastStateChangeAt()).isEqualTo(ms(5910));
  }

  @Test
  void shutdownSendsPriorityZero() {
    ManualDriver d = master(settings(100));

    assertThat(d.deliver(new VrrpEvent.Shutdown())).containsExactly(
        new SendAdvert(0), new RemoveVips(), new StateChanged(MASTER, STOPPED, "shutdown"));
    assertThat(d.machine.nextDeadline()).isEmpty();
    assertThat(d.deliver(advert(200, PEER))).singleElement().isInstanceOfSatisfying(Dropped.class,
        drop -> assertThat(drop.reason()).isEqualTo(DropReason.NOT_LISTENING));
  }

  @Test
  void backupShutdownJustStops() {
    ManualDriver d = startedBackup(settings(100));

    assertThat(d.deliver(new VrrpEvent.Shutdown())).containsExactly(new StateChanged(BACKUP, STOPPED, "shutdown"));
    assertThat(d.machine.nextDeadline()).isEmpty();
    assertThat(d.advance(ms(10_000))).isEmpty();
  }

  @Test
  void stoppedInstanceRestartsOnStartup() {
    ManualDriver d = startedBackup(settings(100));
    d.deliver(new VrrpEvent.Shutdown());

    assertThat(d.deliver(new VrrpEvent.Startup())).containsExactly(new StateChanged(STOPPED, BACKUP, "startup"));
  }

  @Test
  void backupTakesOverAfterSkewTimeOnPriorityZero() {
    ManualDriver d = startedBackup(settings(100));
    d.advance(ms(500));
    d.deliver(advert(200, PEER));
    d.advance(ms(500));

    assertThat(d.deliver(advert(0, PEER))).isEmpty();
    assertThat(d.untilDeadline()).isEqualTo(ms(600));
    assertThat(d.advance(ms(600))).last()
        .isEqualTo(new StateChanged(BACKUP, MASTER, "priority-0 advert from 10.0.0.2"));
    assertThat(d.lastStateChangeAt()).isEqualTo(ms(1600));
  }

  @Test
  void masterAnswersPriorityZeroWithAdvertAtOnce() {
    ManualDriver d = master(settings(100));
    d.advance(ms(300));

    assertThat(d.deliver(advert(0, PEER))).containsExactly(new SendAdvert(100));
    assertThat(d.untilDeadline()).isEqualTo(ms(1000));
    assertThat(d.machine.state()).isEqualTo(MASTER);
  }

  @Test
  void higherPriorityAdvertDemotesMaster() {
    ManualDriver d = master(settings(100));

    List<VrrpAction> actions = d.deliver(AdvertReceived.v3(1, 200, 50, ip(PEER), 255));

    assertThat(actions).as("one last advert at our priority tells the winner to re-announce").containsExactly(
        new SendAdvert(100), new RemoveVips(), new StateChanged(MASTER, BACKUP, "higher-priority advert from 10.0.0.2"));
    // learned 50 cs: Master_Down_Interval = 150 + 156 * 50 / 256 = 150 + 30 cs
    assertThat(d.untilDeadline()).isEqualTo(ms(1800));
    assertThat(d.machine.currentMaster()).contains(ip(PEER));
  }

  @Test
  void equalPriorityHigherAddressWins() {
    // 10.0.0.200 > 10.0.0.100 as unsigned bytes (0xc8 is negative as a signed byte)
    ManualDriver d = master(VrrpSettings.of(1, 3, 100, ip("10.0.0.100")));

    assertThat(d.deliver(advert(100, "10.0.0.200"))).containsExactly(new SendAdvert(100),
        new RemoveVips(), new StateChanged(MASTER, BACKUP, "equal-priority advert from higher address 10.0.0.200"));
  }

  @Test
  void equalPriorityLowerAddressLosesAndWeReassert() {
    ManualDriver d = master(VrrpSettings.of(1, 3, 100, ip("10.0.0.100")));

    assertThat(d.deliver(advert(100, "10.0.0.20"))).containsExactly(new SendAdvert(100), new Announce());
    assertThat(d.machine.state()).isEqualTo(MASTER);
  }

  @Test
  void equalPriorityHigherIpv6AddressWins() {
    ManualDriver d = master(VrrpSettings.of(1, 3, 100, ip("fd99::1")));

    assertThat(d.deliver(AdvertReceived.v3(1, 100, 100, ip("fd99::ff00"), 255))).last()
        .isEqualTo(new StateChanged(MASTER, BACKUP, "equal-priority advert from higher address fd99:0:0:0:0:0:0:ff00"));
  }

  @Test
  void masterHearingLowerPriorityReannounces() {
    ManualDriver d = master(settings(100));
    d.advance(ms(400));

    assertThat(d.deliver(advert(50, PEER))).containsExactly(new SendAdvert(100), new Announce());
    assertThat(d.machine.state()).isEqualTo(MASTER);
    assertThat(d.untilDeadline()).isEqualTo(ms(1000));
  }

  @Test
  void learnsMasterAdverIntervalV3() {
    ManualDriver d = startedBackup(settings(100));

    d.deliver(AdvertReceived.v3(1, 200, 300, ip(PEER), 255));

    assertThat(d.machine.masterAdverInterval()).isEqualTo(Duration.ofSeconds(3));
    // 3 * 300 + 156 * 300 / 256 = 900 + 182 cs
    assertThat(d.untilDeadline()).isEqualTo(ms(10_820));
    assertThat(d.deliver(AdvertReceived.v3(1, 0, 300, ip(PEER), 255))).isEmpty();
    assertThat(d.untilDeadline()).as("Skew_Time from the learned interval").isEqualTo(ms(1820));
  }

  @Test
  void v2UsesItsOwnIntervalAndOneSecondSkew() {
    VrrpSettings v2 = VrrpSettings.of(1, 2, 100, ip("10.0.0.1")).withAdvertIntervalCentis(300);
    ManualDriver d = startedBackup(v2);

    d.deliver(new AdvertReceived(2, 1, 200, 300, ip(PEER), 255, 0, null));

    // RFC 3768: 3 * 3 s + (256 - 100) / 256 s
    assertThat(d.untilDeadline()).isEqualTo(ms(9600));
  }

  @Test
  void v2PasswordMatchIsAccepted() {
    VrrpSettings v2 = VrrpSettings.of(1, 2, 100, ip("10.0.0.1")).withPassword("secret".getBytes());
    ManualDriver d = startedBackup(v2);
    d.advance(ms(1000));

    byte[] wire = java.util.Arrays.copyOf("secret".getBytes(), 8);
    assertThat(d.deliver(new AdvertReceived(2, 1, 200, 100, ip(PEER), 255, 1, wire))).isEmpty();
    assertThat(d.untilDeadline()).isEqualTo(ms(3600));
  }

  @Test
  void faultEntersAndClears() {
    ManualDriver d = master(settings(100));

    assertThat(d.deliver(new VrrpEvent.FaultRaised("interface eth0 down"))).containsExactly(
        new SendAdvert(0), new RemoveVips(), new StateChanged(MASTER, FAULT, "fault: interface eth0 down"));
    assertThat(d.machine.nextDeadline()).isEmpty();
    assertThat(d.deliver(advert(200, PEER))).singleElement().isInstanceOfSatisfying(Dropped.class,
        drop -> assertThat(drop.reason()).isEqualTo(DropReason.NOT_LISTENING));
    assertThat(d.deliver(new VrrpEvent.FaultRaised("check mysql DOWN"))).as("already faulted").isEmpty();

    assertThat(d.deliver(new VrrpEvent.FaultCleared())).containsExactly(new StateChanged(FAULT, BACKUP, "fault cleared"));
    assertThat(d.untilDeadline()).isEqualTo(ms(3600));
  }

  @Test
  void takeoverFromALiveMasterAdvertisesFirstAndReannouncesOnceItIsQuiet() {
    ManualDriver d = startedBackup(settings(100));
    d.advance(ms(1000));
    d.deliver(advert(150, PEER)); // the master is alive
    d.advance(ms(1000));

    // it lowers its priority (a check failed): fast preemption after Skew_Time
    d.deliver(advert(50, PEER));
    assertThat(d.advance(ms(600))).as("advert before the gratuitous ARPs").containsExactly(
        new AddVips(), new SendAdvert(100), new Announce(),
        new StateChanged(BACKUP, MASTER, "preempting lower-priority master " + PEER));
    assertThat(d.advance(ms(1000))).as("one interval: not quiet long enough yet").containsExactly(new SendAdvert(100));
    assertThat(d.advance(ms(1000))).as("quiet for %d intervals", VrrpStateMachine.QUIET_ADVERTS)
        .containsExactly(new SendAdvert(100), new VrrpAction.Reannounce());
    assertThat(d.advance(ms(1000))).as("once").containsExactly(new SendAdvert(100));
  }

  @Test
  void aLosingMasterHeardWhileMasterDelaysTheReannounceUntilItIsQuiet() {
    ManualDriver d = master(settings(100));
    d.advance(ms(500));
    assertThat(d.deliver(advert(50, PEER))).containsExactly(new SendAdvert(100), new Announce());
    assertThat(d.advance(ms(1000))).containsExactly(new SendAdvert(100));
    assertThat(d.deliver(advert(50, PEER))).as("still talking").containsExactly(new SendAdvert(100), new Announce());
    assertThat(d.advance(ms(1000))).containsExactly(new SendAdvert(100));
    assertThat(d.advance(ms(1000))).containsExactly(new SendAdvert(100), new VrrpAction.Reannounce());
  }

  @Test
  void takeoverFromADeadMasterDoesNotReannounce() {
    ManualDriver d = startedBackup(settings(100));
    d.deliver(advert(150, PEER));
    assertThat(d.advance(ms(3600))).last().isEqualTo(
        new StateChanged(BACKUP, MASTER, VrrpStateMachine.MASTER_DOWN_EXPIRED));
    for (int i = 0; i < 4; i++) {
      assertThat(d.advance(ms(1000))).containsExactly(new SendAdvert(100));
    }
  }

  @Test
  void handOverResignsOnceAndWaitsAsBackup() {
    ManualDriver d = master(settings(100));

    assertThat(d.deliver(new VrrpEvent.HandOver("handed over on request"))).containsExactly(
        new SendAdvert(0), new RemoveVips(), new StateChanged(MASTER, BACKUP, "handed over on request"));
    assertThat(d.machine.currentMaster()).isEmpty();
    assertThat(d.untilDeadline()).as("a full Master_Down_Interval, as after start-up").isEqualTo(ms(3600));
    assertThat(d.deliver(advert(120, PEER))).as("the new master's adverts keep it a backup").isEmpty();
    assertThat(d.machine.currentMaster()).contains(ip(PEER));
    assertThat(d.machine.state()).isEqualTo(BACKUP);
  }

  @Test
  void handOverOutsideMasterDoesNothing() {
    ManualDriver d = startedBackup(settings(100));
    assertThat(d.deliver(new VrrpEvent.HandOver("handed over on request"))).isEmpty();
    assertThat(d.machine.state()).isEqualTo(BACKUP);
  }

  @Test
  void backupFaultOnlyChangesState() {
    ManualDriver d = startedBackup(settings(100));

    assertThat(d.deliver(new VrrpEvent.FaultRaised("link down")))
        .containsExactly(new StateChanged(BACKUP, FAULT, "fault: link down"));
  }

  @Test
  void addressOwnerReturnsToMasterWhenFaultClears() {
    ManualDriver d = new ManualDriver(settings(255));
    d.deliver(new VrrpEvent.Startup());
    d.deliver(new VrrpEvent.FaultRaised("link down"));

    assertThat(d.deliver(new VrrpEvent.FaultCleared())).containsExactly(
        new AddVips(), new SendAdvert(255), new Announce(), new StateChanged(FAULT, MASTER, "fault cleared"));
  }

  @Test
  void faultBeforeStartupStartsInFault() {
    ManualDriver d = new ManualDriver(settings(100));

    assertThat(d.deliver(new VrrpEvent.FaultRaised("link down"))).isEmpty();
    assertThat(d.deliver(new VrrpEvent.Startup())).containsExactly(new StateChanged(INITIALIZE, FAULT, "fault: link down"));
    assertThat(d.machine.faultReason()).contains("link down");
  }

  @Test
  void faultClearedBeforeStartupStartsAsBackup() {
    ManualDriver d = new ManualDriver(settings(100));
    d.deliver(new VrrpEvent.FaultRaised("link down"));

    assertThat(d.deliver(new VrrpEvent.FaultCleared())).isEmpty();
    assertThat(d.deliver(new VrrpEvent.Startup())).containsExactly(new StateChanged(INITIALIZE, BACKUP, "startup"));
  }

  @Test
  void faultedInstanceShutsDown() {
    ManualDriver d = startedBackup(settings(100));
    d.deliver(new VrrpEvent.FaultRaised("link down"));

    assertThat(d.deliver(new VrrpEvent.Shutdown())).containsExactly(new StateChanged(FAULT, STOPPED, "shutdown"));
  }

  @Test
  void priorityChangeAdvertisedAtOnce() {
    ManualDriver d = master(settings(100));
    d.advance(ms(300));

    assertThat(d.deliver(new VrrpEvent.PriorityChanged(80))).containsExactly(new SendAdvert(80));
    assertThat(d.untilDeadline()).isEqualTo(ms(1000));
    assertThat(d.advance(ms(1000))).containsExactly(new SendAdvert(80));
    assertThat(d.deliver(new VrrpEvent.PriorityChanged(80))).as("unchanged priority").isEmpty();
  }

  @Test
  void priorityChangeInBackupAppliesAtNextMasterDownReset() {
    ManualDriver d = startedBackup(settings(100));
    d.deliver(advert(200, PEER));
    d.advance(ms(1000));

    assertThat(d.deliver(new VrrpEvent.PriorityChanged(200))).isEmpty();
    assertThat(d.untilDeadline()).as("running timer untouched").isEqualTo(ms(2600));
    d.deliver(advert(200, PEER));
    // 300 + 56 * 100 / 256 = 300 + 21 cs
    assertThat(d.untilDeadline()).isEqualTo(ms(3210));
  }

  @Test
  void earlyTimerFiringDoesNothing() {
    ManualDriver d = startedBackup(settings(100));
    d.advance(ms(1000));

    assertThat(d.deliver(new VrrpEvent.TimerFired())).isEmpty();
    assertThat(d.machine.state()).isEqualTo(BACKUP);
  }

  @Test
  void timersSurviveNanoTimeWraparound() {
    ManualDriver d = new ManualDriver(settings(100), Long.MAX_VALUE - 1_000_000_000L);
    d.deliver(new VrrpEvent.Startup());

    d.advance(ms(3599));
    assertThat(d.machine.state()).isEqualTo(BACKUP);
    d.advance(ms(1));
    assertThat(d.machine.state()).isEqualTo(MASTER);
  }
}
