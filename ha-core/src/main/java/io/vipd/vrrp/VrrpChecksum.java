package io.vipd.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The Internet checksum (RFC 1071) as VRRP uses it: over the message alone (VRRPv2, RFC 3768 section
 * 5.3.8) or over an IP pseudo-header plus the message (VRRPv3, RFC 5798 section 5.2.8).
 *
 * <p>Computed over a message whose checksum field is zero, the result is the value to store there;
 * computed over a received message as it is, the result is zero when the checksum is right.
 */
public final class VrrpChecksum {

  /** IP protocol number of VRRP, part of the pseudo-header (RFC 5798 section 5.1.1.4). */
  public static final int IP_PROTOCOL = 112;

  private VrrpChecksum() {}

  /** Checksum of {@code length} bytes of {@code buf} from {@code offset}, without a pseudo-header. */
  public static int messageOnly(byte[] buf, int offset, int length) {
    return fold(sum(0, buf, offset, length));
  }

  /**
   * Checksum with the pseudo-header of RFC 5798 section 5.2.8: for IPv4 (RFC 768) source, destination,
   * a zero byte, the protocol and the 16-bit length; for IPv6 (RFC 8200 section 8.1) source, destination,
   * the 32-bit length, three zero bytes and the next header.
   */
  public static int withPseudoHeader(
      byte[] buf, int offset, int length, InetAddress source, InetAddress destination) {
    if (source instanceof Inet4Address && length > 0xffff) {
      throw new IllegalArgumentException("IPv4 payload longer than 65535 bytes");
    }
    long sum = sum(0, source.getAddress(), 0, source.getAddress().length);
    sum = sum(sum, destination.getAddress(), 0, destination.getAddress().length);
    // the length and protocol words of both layouts add up to the same sum
    sum += (length >>> 16) + (length & 0xffff) + IP_PROTOCOL;
    return fold(sum(sum, buf, offset, length));
  }

  private static long sum(long sum, byte[] buf, int offset, int length) {
    int end = offset + length;
    int i = offset;
    for (; i + 1 < end; i += 2) {
      sum += ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
    }
    if (i < end) {
      sum += (buf[i] & 0xff) << 8; // an odd last byte is padded with zero
    }
    return sum;
  }

  private static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) ~sum & 0xffff;
  }
}
