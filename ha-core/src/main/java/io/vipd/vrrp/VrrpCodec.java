package io.vipd.vrrp;

import static io.vipd.vrrp.VrrpConstants.AUTH_DATA_LENGTH;
import static io.vipd.vrrp.VrrpConstants.TYPE_ADVERTISEMENT;
import static io.vipd.vrrp.VrrpConstants.VERSION_2;
import static io.vipd.vrrp.VrrpConstants.VERSION_3;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns {@link VrrpPacket}s into VRRP messages (the IP payload, no IP header) and back. Pure: no I/O.
 *
 * <p>Decoding checks syntax only (length, version, type, checksum, address count, interval); whether
 * the VRID, TTL, authentication or priority matter is the state machine's business.
 *
 * <pre>
 * VRRPv2 (RFC 3768 section 5.1)              VRRPv3 (RFC 5798 section 5.1)
 * 0: version|type  vrid  priority  count     0: version|type  vrid  priority  count
 * 4: auth type  adver int  checksum          4: rsvd(4)|max adver int(12)  checksum
 * 8: IPv4 addresses..., 8 bytes auth data    8: IPv4 or IPv6 addresses...
 * </pre>
 */
public final class VrrpCodec {

  /** Length of the fixed header before the addresses (RFC 3768 section 5.1, RFC 5798 section 5.1). */
  public static final int HEADER_LENGTH = 8;
  /** Offset of the Checksum field (RFC 3768 section 5.3.8, RFC 5798 section 5.2.8). */
  public static final int CHECKSUM_OFFSET = 6;

  private VrrpCodec() {}

  /** {@link #encode(VrrpPacket, InetAddress, InetAddress, ChecksumMode)} with the RFC checksum. */
  public static byte[] encode(VrrpPacket p, InetAddress source, InetAddress destination) {
    return encode(p, source, destination, ChecksumMode.PSEUDO_HEADER);
  }

  /**
   * The VRRP message for {@code p} sent from {@code source} to {@code destination}; VRRPv3 needs both
   * for its checksum's pseudo-header, and their family must match the addresses'.
   *
   * @throws IllegalArgumentException for VRRPv2 over IPv6, or mixed address families
   */
  public static byte[] encode(VrrpPacket p, InetAddress source, InetAddress destination, ChecksumMode mode) {
    boolean ipv6 = requireSameFamily(source, destination);
    if (p.version() == VERSION_2 && ipv6) {
      throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768); use VRRPv3 for IPv6");
    }
    if (!p.addresses().isEmpty() && p.isIpv6() != ipv6) {
      throw new IllegalArgumentException("addresses " + p.addresses() + " do not match " + source);
    }
    int addressLength = ipv6 ? 16 : 4;
    byte[] out = new byte[expectedLength(p.version(), p.count(), addressLength)];
    out[0] = (byte) (p.version() << 4 | p.type());
    out[1] = (byte) p.vrid();
    out[2] = (byte) p.priority();
    out[3] = (byte) p.count();
    if (p.version() == VERSION_2) {
      out[4] = (byte) p.authType();
      out[5] = (byte) p.advertInterval();
    } else {
      out[4] = (byte) (p.advertInterval() >>> 8); // the 4 reserved bits stay zero (RFC 5798 section 5.2.6)
      out[5] = (byte) p.advertInterval();
    }
    int at = HEADER_LENGTH;
    for (InetAddress address : p.addresses()) {
      System.arraycopy(address.getAddress(), 0, out, at, addressLength);
      at += addressLength;
    }
    if (p.version() == VERSION_2) {
      System.arraycopy(p.authData(), 0, out, at, AUTH_DATA_LENGTH);
    }
    int checksum = checksum(p.version(), out, 0, out.length, source, destination, mode);
    out[CHECKSUM_OFFSET] = (byte) (checksum >>> 8);
    out[CHECKSUM_OFFSET + 1] = (byte) checksum;
    return out;
  }

  /** {@link #decode(byte[], int, int, InetAddress, InetAddress, ChecksumMode)} with the RFC checksum. */
  public static Decoded decode(byte[] buf, int offset, int length, InetAddress source, InetAddress destination) {
    return decode(buf, offset, length, source, destination, ChecksumMode.PSEUDO_HEADER);
  }

  /**
   * Parses the VRRP message in {@code buf[offset, offset + length)} received from {@code source} at
   * {@code destination}. Their family decides whether the addresses are IPv4 or IPv6.
   *
   * @return {@link Decoded.Ok}, or {@link Decoded.Rejected} with a syntax {@link DropReason}; never throws
   *     for malformed input
   */
  public static Decoded decode(
      byte[] buf, int offset, int length, InetAddress source, InetAddress destination, ChecksumMode mode) {
    Objects.checkFromIndexSize(offset, length, buf.length);
    boolean ipv6 = requireSameFamily(source, destination);
    if (length < HEADER_LENGTH) {
      return reject(DropReason.TOO_SHORT, length + " bytes, the header alone is " + HEADER_LENGTH);
    }
    int version = (buf[offset] & 0xff) >>> 4;
    int type = buf[offset] & 0x0f;
    if (version != VERSION_2 && version != VERSION_3) {
      return reject(DropReason.BAD_VERSION, "version " + version);
    }
    if (version == VERSION_2 && ipv6) {
      return reject(DropReason.BAD_VERSION, "VRRPv2 over IPv6 (RFC 3768 is IPv4 only)");
    }
    if (type != TYPE_ADVERTISEMENT) {
      return reject(DropReason.BAD_TYPE, "type " + type);
    }
    int count = buf[offset + 3] & 0xff;
    int addressLength = ipv6 ? 16 : 4;
    int expected = expectedLength(version, count, addressLength);
    if (checksum(version, buf, offset, length, source, destination, mode) != 0) {
      return reject(DropReason.BAD_CHECKSUM, "checksum " + Integer.toHexString(u16(buf, offset + CHECKSUM_OFFSET))
          + (version == VERSION_3 ? " (mode " + mode + ")" : ""));
    }
    if (length != expected) {
      return reject(DropReason.ADDRESS_COUNT_MISMATCH,
          count + " addresses need " + expected + " bytes, got " + length);
    }
    int interval = version == VERSION_2
        ? buf[offset + 5] & 0xff
        : u16(buf, offset + 4) & VrrpConstants.MAX_ADVERT_INTERVAL_V3; // reserved bits ignored on receipt
    if (interval == 0) {
      return reject(DropReason.ZERO_INTERVAL, "advertisement interval 0");
    }
    List<InetAddress> addresses = new ArrayList<>(count);
    int at = offset + HEADER_LENGTH;
    for (int i = 0; i < count; i++, at += addressLength) {
      addresses.add(address(Arrays.copyOfRange(buf, at, at + addressLength), ipv6));
    }
    int authType = version == VERSION_2 ? buf[offset + 4] & 0xff : VrrpConstants.AUTH_TYPE_NONE;
    byte[] authData = version == VERSION_2
        ? Arrays.copyOfRange(buf, at, at + AUTH_DATA_LENGTH)
        : new byte[AUTH_DATA_LENGTH];
    return new Decoded.Ok(new VrrpPacket(version, type, buf[offset + 1] & 0xff, buf[offset + 2] & 0xff,
        authType, authData, interval, addresses));
  }

  private static int expectedLength(int version, int count, int addressLength) {
    return HEADER_LENGTH + count * addressLength + (version == VERSION_2 ? AUTH_DATA_LENGTH : 0);
  }

  private static int checksum(int version, byte[] buf, int offset, int length,
      InetAddress source, InetAddress destination, ChecksumMode mode) {
    return version == VERSION_3 && mode == ChecksumMode.PSEUDO_HEADER
        ? VrrpChecksum.withPseudoHeader(buf, offset, length, source, destination)
        : VrrpChecksum.messageOnly(buf, offset, length);
  }

  /** Whether both are IPv6; throws unless both are of one family. */
  private static boolean requireSameFamily(InetAddress source, InetAddress destination) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    if (source.getClass() != destination.getClass()) {
      throw new IllegalArgumentException("source " + source + " and destination " + destination
          + " are of different families");
    }
    return source instanceof Inet6Address;
  }

  private static InetAddress address(byte[] raw, boolean ipv6) {
    try {
      // literals, no name lookup; Inet6Address keeps an IPv4-mapped address IPv6 (InetAddress would not)
      return ipv6 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
  }

  private static int u16(byte[] buf, int at) {
    return (buf[at] & 0xff) << 8 | (buf[at + 1] & 0xff);
  }

  private static Decoded reject(DropReason reason, String detail) {
    return new Decoded.Rejected(reason, detail);
  }
}
