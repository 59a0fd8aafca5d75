package io.vipd.vrrp;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * The tie-break between two masters of equal priority: the one with the greater primary address wins
 * (RFC 5798 section 6.4.3, RFC 3768 section 6.4.3). Addresses compare as unsigned big-endian numbers;
 * a shorter address (IPv4) sorts before a longer one (IPv6), which never meet in one group.
 */
final class PrimaryAddressOrder {

  private PrimaryAddressOrder() {}

  /** Negative, zero or positive as {@code a} is lower than, equal to or greater than {@code b}. */
  static int compare(InetAddress a, InetAddress b) {
    byte[] x = a.getAddress();
    byte[] y = b.getAddress();
    if (x.length != y.length) {
      return Integer.compare(x.length, y.length);
    }
    return Arrays.compareUnsigned(x, y);
  }
}
