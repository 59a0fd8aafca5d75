package io.vipd.instance;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One virtual address of an instance, as configured on the interface.
 *
 * @param address the VIP
 * @param prefixLength its prefix length (32 / 128 for a host address)
 * @param label optional IPv4 address label ({@code eth0:vip}), or null
 */
public record VirtualAddress(InetAddress address, int prefixLength, String label) {
  public VirtualAddress {
    Objects.requireNonNull(address, "address");
    int max = address instanceof Inet6Address ? 128 : 32;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length must be 0.." + max + ", got " + prefixLength);
    }
  }

  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  /** {@code 10.0.0.100/24}. */
  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength;
  }
}
