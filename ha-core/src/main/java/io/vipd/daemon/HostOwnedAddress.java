package io.vipd.daemon;

import io.vipd.config.VipConfig;
import io.vipd.net.AssignedAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether an address found on an interface for a configured VIP is the host's own, which vipd must never
 * remove, rather than one vipd added (a VIP, or what a crashed vipd left). The kernel does not say who
 * added an address; these are the signs, one rule for {@code vipd run}'s conflict check and {@code vipd
 * cleanup}:
 * <ul>
 *   <li>it is the address the instance's adverts go from (its {@code source-address}, else the interface's
 *       first IPv4 address or its IPv6 link-local address);
 *   <li>its prefix length is not the configured one: vipd adds exactly the configured one;
 *   <li>it is an IPv4 address that heads a subnet on the interface (not secondary, shorter than /32): a
 *       VIP in the host's subnet is secondary, and a host-route VIP (/32, the default) is no subnet.
 * </ul>
 */
final class HostOwnedAddress {
  private HostOwnedAddress() {}

  /**
   * Why {@code assigned}, found on the interface for {@code vip}, is the host's own (e.g. "there as /24,
   * configured as /32"); empty when vipd may have added it.
   *
   * @param advertSource where the instance's adverts go from, or null when it has no such address
   * @param sourceConfigured whether that is the instance's {@code source-address}
   */
  static Optional<String> why(VipConfig vip, AssignedAddress assigned, InetAddress advertSource,
      boolean sourceConfigured) {
    String interfaceName = assigned.interfaceName();
    if (assigned.address().equals(advertSource)) {
      return Optional.of(sourceConfigured ? "the instance's source-address"
          : interfaceName + "'s primary address, which adverts go from");
    }
    if (assigned.prefixLength() != vip.prefixLength()) {
      return Optional.of("there as /" + assigned.prefixLength() + ", configured as /" + vip.prefixLength());
    }
    if (assigned.address() instanceof Inet4Address && !assigned.secondary() && assigned.prefixLength() < 32) {
      return Optional.of("a primary /" + assigned.prefixLength() + " address of " + interfaceName
          + ", not a secondary one");
    }
    return Optional.empty();
  }
}
