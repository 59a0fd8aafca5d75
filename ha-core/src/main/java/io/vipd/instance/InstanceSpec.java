package io.vipd.instance;

import io.vipd.config.AnnounceSchedule;
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
 */
public record InstanceSpec(
    String name,
    String interfaceName,
    VrrpSettings settings,
    List<VipConfig> addresses,
    ChecksumMode checksumMode,
    AnnounceSchedule announce) {

  public InstanceSpec {
    addresses = List.copyOf(addresses);
  }
}
