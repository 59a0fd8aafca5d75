package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
import io.vipd.config.TrackConfig;
import io.vipd.config.VipConfig;
import io.vipd.vrrp.ChecksumMode;
import io.vipd.vrrp.VrrpSettings;
import java.util.List;

/**
 * Everything one running VRRP instance needs besides its collaborators.
 *
 * @param name instance name from the configuration
 * @param interfaceName the interface it runs on
 * @param settings the state machine's settings (vrid, version, priority, interval, preempt, ...)
 * @param addresses the virtual addresses
 * @param checksumMode v3 checksum flavour for sending and receiving
 * @param announce gratuitous ARP / NA schedule after becoming master
 * @param track the checks that set its priority or FAULT, and the links besides its own whose loss is a FAULT
 * @param notifiers the notifiers told about its state changes; empty: all of them
 */
public record InstanceSpec(
    String name,
    String interfaceName,
    VrrpSettings settings,
    List<VipConfig> addresses,
    ChecksumMode checksumMode,
    AnnounceSchedule announce,
    TrackConfig track,
    List<String> notifiers) {

  public InstanceSpec {
    addresses = List.copyOf(addresses);
    notifiers = List.copyOf(notifiers);
  }

  /** Whether the loss of {@code interfaceName}'s link puts this instance in FAULT. */
  public boolean tracksLink(String interfaceName) {
    return this.interfaceName.equals(interfaceName) || track.interfaces().contains(interfaceName);
  }
}
