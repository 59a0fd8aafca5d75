package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_INET6;
import static io.vipd.net.LinuxConstants.AF_INET;
import static io.vipd.net.LinuxConstants.AF_NETLINK;
import static io.vipd.net.LinuxConstants.AF_PACKET;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds the C {@code sockaddr_*} structures as bytes (family and ids in host order, ports big-endian). */
final class SocketAddresses {
  private SocketAddresses() {}

  /** {@code struct sockaddr_in} (16 bytes), port 0: raw sockets ignore it. */
  static byte[] ipv4(Inet4Address address) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    b.putShort((short) AF_INET).putShort((short) 0).put(address.getAddress());
    return b.array();
  }

  /**
   * {@code struct sockaddr_in6} (28 bytes), port 0. Link-local and link-scope multicast addresses need the
   * interface index as scope id; others get 0.
   */
  static byte[] ipv6(Inet6Address address, int interfaceIndex) {
    boolean linkScoped = address.isLinkLocalAddress() || address.isMCLinkLocal();
    ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
    b.putShort((short) AF_INET6).putShort((short) 0).putInt(0).put(address.getAddress());
    b.putInt(linkScoped ? interfaceIndex : 0);
    return b.array();
  }

  /** {@link #ipv4} or {@link #ipv6} by the address family. */
  static byte[] ip(InetAddress address, int interfaceIndex) {
    return address instanceof Inet4Address v4 ? ipv4(v4) : ipv6((Inet6Address) address, interfaceIndex);
  }

  /**
   * {@code struct sockaddr_ll} (20 bytes) to send a complete Ethernet frame out of one interface.
   *
   * @param etherType the frame's EtherType (sll_protocol, big-endian)
   */
  static byte[] link(int interfaceIndex, int etherType, byte[] destinationMac) {
    ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
    b.putShort((short) AF_PACKET);
    b.order(ByteOrder.BIG_ENDIAN).putShort((short) etherType).order(ByteOrder.nativeOrder());
    b.putInt(interfaceIndex).putShort((short) 1 /* ARPHRD_ETHER */).put((byte) 0).put((byte) 6);
    b.put(destinationMac, 0, 6);
    return b.array();
  }

  /** {@code struct sockaddr_nl} (12 bytes): port id 0 lets the kernel pick ours, or names the kernel. */
  static byte[] netlink(int groups) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    b.putShort((short) AF_NETLINK).putShort((short) 0).putInt(0).putInt(groups);
    return b.array();
  }

  /** The address in a {@code sockaddr_in6} filled in by the kernel. */
  static Inet6Address parseIpv6(byte[] sockaddr, int interfaceIndex) {
    byte[] raw = new byte[16];
    System.arraycopy(sockaddr, 8, raw, 0, 16);
    return ipv6Address(raw, interfaceIndex);
  }

  /** A Java address for 16 raw bytes, scoped to the interface when link-local (as {@code fe80::1%eth0}). */
  static Inet6Address ipv6Address(byte[] raw, int interfaceIndex) {
    try {
      Inet6Address plain = (Inet6Address) InetAddress.getByAddress(raw);
      if (plain.isLinkLocalAddress()) {
        return Inet6Address.getByAddress(null, raw, interfaceIndex);
      }
      return plain;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Inet4Address ipv4Address(byte[] bytes, int offset) {
    byte[] raw = new byte[4];
    System.arraycopy(bytes, offset, raw, 0, 4);
    try {
      return (Inet4Address) InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
