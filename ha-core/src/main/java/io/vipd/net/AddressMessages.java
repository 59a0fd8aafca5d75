package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_INET6;
import static io.vipd.net.LinuxConstants.AF_INET;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Encodes the rtnetlink address requests ({@code RTM_NEWADDR}, {@code RTM_DELADDR}, {@code RTM_GETADDR}) and
 * decodes address messages ({@code struct ifaddrmsg} + attributes, {@code linux/if_addr.h}). Pure: no I/O.
 */
final class AddressMessages {
  private AddressMessages() {}

  static final int RTM_NEWADDR = 20;
  static final int RTM_DELADDR = 21;
  static final int RTM_GETADDR = 22;

  static final int IFA_ADDRESS = 1;
  static final int IFA_LOCAL = 2;
  static final int IFA_LABEL = 3;
  static final int IFA_FLAGS = 8;

  static final int IFA_F_SECONDARY = 0x01;
  /** Skip duplicate address detection: a VIP must answer at once (IPv6 only). */
  static final int IFA_F_NODAD = 0x02;

  static final int IFADDRMSG_LENGTH = 8;
  /** IFNAMSIZ - 1: the kernel rejects longer labels. */
  static final int MAX_LABEL_LENGTH = 15;

  /** {@code ip addr add ADDRESS/PREFIX dev INDEX [label LABEL] [nodad]}, acknowledged. */
  static NetlinkMessage add(int sequence, int interfaceIndex, InetAddress address, int prefixLength, String label) {
    boolean ipv4 = address instanceof Inet4Address;
    RtAttributes attributes = new RtAttributes().add(IFA_LOCAL, address.getAddress());
    attributes.add(IFA_ADDRESS, address.getAddress());
    if (label != null) {
      if (!ipv4) {
        throw new IllegalArgumentException("address labels exist for IPv4 only");
      }
      attributes.addString(IFA_LABEL, label);
    }
    int flags = ipv4 ? 0 : IFA_F_NODAD;
    byte[] payload = payload(address, prefixLength, flags, interfaceIndex, attributes);
    return new NetlinkMessage(RTM_NEWADDR,
        NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK | NetlinkMessage.NLM_F_CREATE
            | 0x200 /* NLM_F_EXCL: report EEXIST rather than silently replacing */,
        sequence, 0, payload);
  }

  /** {@code ip addr del ADDRESS/PREFIX dev INDEX}, acknowledged. */
  static NetlinkMessage remove(int sequence, int interfaceIndex, InetAddress address, int prefixLength) {
    RtAttributes attributes = new RtAttributes().add(IFA_LOCAL, address.getAddress());
    attributes.add(IFA_ADDRESS, address.getAddress());
    byte[] payload = payload(address, prefixLength, 0, interfaceIndex, attributes);
    return new NetlinkMessage(RTM_DELADDR, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK,
        sequence, 0, payload);
  }

  /** A dump of every address of every interface and family. */
  static NetlinkMessage dump(int sequence) {
    byte[] payload = new byte[IFADDRMSG_LENGTH]; // AF_UNSPEC, everything zero
    return new NetlinkMessage(RTM_GETADDR, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_DUMP,
        sequence, 0, payload);
  }

  private static byte[] payload(InetAddress address, int prefixLength, int flags, int index, RtAttributes attributes) {
    int maxPrefix = address instanceof Inet4Address ? 32 : 128;
    if (prefixLength < 0 || prefixLength > maxPrefix) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
    }
    byte[] attributeBytes = attributes.toBytes();
    ByteBuffer b = ByteBuffer.allocate(IFADDRMSG_LENGTH + attributeBytes.length).order(ByteOrder.nativeOrder());
    b.put((byte) family(address)).put((byte) prefixLength).put((byte) flags).put((byte) 0 /* scope: universe */);
    b.putInt(index).put(attributeBytes);
    return b.array();
  }

  static int family(InetAddress address) {
    return address instanceof Inet4Address ? AF_INET : AF_INET6;
  }

  /** The contents of an {@code RTM_NEWADDR} / {@code RTM_DELADDR} message. */
  record Decoded(int interfaceIndex, InetAddress address, int prefixLength, int flags, String label) {
    boolean secondary() {
      return (flags & IFA_F_SECONDARY) != 0;
    }
  }

  /** Decodes an address message; the address is {@code IFA_LOCAL} when present (IPv4), else {@code IFA_ADDRESS}. */
  static Decoded decode(byte[] payload) {
    ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
    int family = Byte.toUnsignedInt(b.get(0));
    int prefixLength = Byte.toUnsignedInt(b.get(1));
    int flags = Byte.toUnsignedInt(b.get(2));
    int index = b.getInt(4);
    Map<Integer, byte[]> attributes = RtAttributes.parse(payload, IFADDRMSG_LENGTH);
    if (attributes.containsKey(IFA_FLAGS)) {
      flags = RtAttributes.int32(attributes.get(IFA_FLAGS));
    }
    byte[] raw = attributes.getOrDefault(IFA_LOCAL, attributes.get(IFA_ADDRESS));
    InetAddress address = null;
    if (raw != null && (family == AF_INET || family == AF_INET6)) {
      address = family == AF_INET6 ? SocketAddresses.ipv6Address(raw, index) : toAddress(raw);
    }
    String label = attributes.containsKey(IFA_LABEL) ? RtAttributes.string(attributes.get(IFA_LABEL)) : null;
    return new Decoded(index, address, prefixLength, flags, label);
  }

  private static InetAddress toAddress(byte[] raw) {
    try {
      return InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
