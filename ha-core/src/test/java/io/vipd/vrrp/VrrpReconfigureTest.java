package io.vipd.vrrp;

import static io.vipd.vrrp.ManualDriver.ms;
import static io.vipd.vrrp.VrrpState.BACKUP;
import static io.vipd.vrrp.VrrpState.MASTER;
import static io.vipd.vrrp.VrrpStateMachineTest.PEER;
import static io.vipd.vrrp.VrrpStateMachineTest.advert;
import static io.vipd.vrrp.VrrpStateMachineTest.master;
import static io.vipd.vrrp.VrrpStateMachineTest.settings;
import static io.vipd.vrrp.VrrpStateMachineTest.startedBackup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipd.vrrp.VrrpAction.SendAdvert;
import io.vipd.vrrp.VrrpAction.StateChanged;
import org.junit.jupiter.api.Test;

/** A reload changing a running virtual router's settings in place ({@link VrrpEvent.Reconfigured}). */
class VrrpReconfigureTest {

  @Test
  void masterKeepsItsStateAndVipsAndAdvertisesTheNewSettingsAtOnce() {
    ManualDriver d = master(settings(100));
    d.advance(ms(300));

    VrrpSettings faster = settings(120).withAdvertIntervalCentis(10);
    assertThat(d.deliver(new VrrpEvent.Reconfigured(faster, 120))).containsExactly(new SendAdvert(120));
    assertThat(d.machine.state()).isEqualTo(MASTER);
    assertThat(d.machine.settings()).isEqualTo(faster);
    assertThat(d.untilDeadline()).isEqualTo(ms(100));
    assertThat(d.advance(ms(100))).containsExactly(new SendAdvert(120));
  }

  @Test
  void backupWhosePriorityIsRaisedPreemptsTheMasterAtItsNextAdvert() {
    ManualDriver d = startedBackup(settings(100));
    d.deliver(advert(110, PEER));

    assertThat(d.deliver(new VrrpEvent.Reconfigured(settings(150), 150))).isEmpty();
    assertThat(d.machine.state()).isEqualTo(BACKUP);
    d.deliver(advert(110, PEER));
    d.advance(ms(1000));
    assertThat(d.stateChanges().get(d.stateChanges().size() - 1).action())
        .isEqualTo(new StateChanged(BACKUP, MASTER, "preempting lower-priority master 10.0.0.2"));
  }

  @Test
  void masterWhosePriorityIsLoweredBelowTheBackupsIsPreemptedAsVrrpSays() {
    ManualDriver d = master(settings(150));

    assertThat(d.deliver(new VrrpEvent.Reconfigured(settings(50), 50))).containsExactly(new SendAdvert(50));
    d.deliver(advert(100, PEER));
    assertThat(d.machine.state()).isEqualTo(BACKUP);
  }

  @Test
  void theVridOfARunningInstanceCannotChange() {
    ManualDriver d = master(settings(100));

    assertThatThrownBy(() -> d.deliver(new VrrpEvent.Reconfigured(VrrpSettings.of(2, 3, 100,
        ManualDriver.ip("10.0.0.1")), 100))).isInstanceOf(IllegalArgumentException.class);
  }
}
