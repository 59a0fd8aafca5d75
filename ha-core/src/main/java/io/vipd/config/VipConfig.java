package io.vipd.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One virtual address.
 *
 * @param address the address
 * @param prefixLength its prefix length (default /32 or /128)
 * @param label an IPv4 address label, keepalived style {@code eth0:vip} (at most 15 characters)
 */
public record VipConfig(InetAddress address, int prefixLength, Optional<String> label) {

  public boolean ipv6() {
    return address instanceof Inet6Address;
  }

  /** {@code 10.0.0.100/24}, as notifiers and the status API show it. */
  public String cidr() {
    return address.getHostAddress() + "/" + prefixLength;
  }

  /** {@code 10.0.0.100/24}, with its label when it has one. */
  @Override
  public String toString() {
    return cidr() + label.map(l -> " label " + l).orElse("");
  }
}
