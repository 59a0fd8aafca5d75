package io.vipd.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Announces an IPv6 VIP with an unsolicited Neighbor Advertisement (RFC 4861 section 7.2.6, RFC 5798
 * section 6.4.1) to all nodes, Override set and Solicited clear, carrying our link-layer address, so every
 * neighbour that caches the VIP repoints it at us. Like keepalived, the IPv6 source is the VIP itself. The
 * IPv4 mirror is {@link GratuitousArp}.
 */
public final class UnsolicitedNeighborAdvert implements Closeable {
  /** EtherType of IPv6 (RFC 2464). */
  public static final int ETHERTYPE_IPV6 = 0x86dd;
  /** All-nodes multicast ff02::1 mapped to Ethernet (RFC 2464 section 7). */
  static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};
  static final Inet6Address ALL_NODES = ipv6("ff02::1");
  /** ICMPv6 type of a Neighbor Advertisement (RFC 4861 section 4.4). */
  static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
  /** RFC 4861 section 4.4 flags in the first byte after the checksum. */
  static final int FLAG_ROUTER = 0x80;
  static final int FLAG_SOLICITED = 0x40;
  static final int FLAG_OVERRIDE = 0x20;
  /** Target Link-Layer Address option (RFC 4861 section 4.6.1). */
  static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
  /** RFC 4861 section 7.1.2: receivers drop NAs whose hop limit is not 255. */
  static final int HOP_LIMIT = 255;
  private static final int ICMP_LENGTH = 24 + 8;
  private static final int NEXT_HEADER_ICMPV6 = 58;

  private final PacketSocket socket;
  private final byte[] mac;

  private UnsolicitedNeighborAdvert(PacketSocket socket, byte[] mac) {
    this.socket = socket;
    this.mac = mac;
  }

  /** Opens an AF_PACKET socket on {@code interfaceName}, announcing with that interface's MAC. */
  public static UnsolicitedNeighborAdvert open(String interfaceName) throws IOException {
    byte[] mac = Interfaces.mac(interfaceName);
    return new UnsolicitedNeighborAdvert(PacketSocket.open(interfaceName), mac);
  }

  /** Sends one announcement for {@code vip}. */
  public void announce(Inet6Address vip) throws IOException {
    socket.send(frame(mac, vip), ETHERTYPE_IPV6, ALL_NODES_MAC);
  }

  /** The complete Ethernet frame (86 bytes) announcing {@code vip} at {@code sourceMac}, Router flag clear. */
  public static byte[] frame(byte[] sourceMac, Inet6Address vip) {
    return frame(sourceMac, vip, false);
  }

  /** As {@link #frame(byte[], Inet6Address)}; {@code router} sets the R flag (a forwarding host). */
  public static byte[] frame(byte[] sourceMac, Inet6Address vip, boolean router) {
    GratuitousArp.requireMac(sourceMac);
    byte[] source = vip.getAddress();
    byte[] destination = ALL_NODES.getAddress();

    ByteBuffer icmp = ByteBuffer.allocate(ICMP_LENGTH);
    icmp.put((byte) TYPE_NEIGHBOR_ADVERTISEMENT).put((byte) 0).putShort((short) 0);
    icmp.put((byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0))).put(new byte[3]);
    icmp.put(vip.getAddress());
    icmp.put((byte) OPTION_TARGET_LINK_LAYER_ADDRESS).put((byte) 1).put(sourceMac);
    byte[] message = icmp.array();
    int checksum = new InternetChecksum() // RFC 4443 section 2.3: over the RFC 8200 section 8.1 pseudo-header
        .add(source).add(destination).addWord32(ICMP_LENGTH).addWord32(NEXT_HEADER_ICMPV6)
        .add(message).value();
    message[2] = (byte) (checksum >>> 8);
    message[3] = (byte) checksum;

    ByteBuffer frame = ByteBuffer.allocate(14 + 40 + ICMP_LENGTH);
    frame.put(ALL_NODES_MAC).put(sourceMac).putShort((short) ETHERTYPE_IPV6);
    frame.putInt(0x6000_0000).putShort((short) ICMP_LENGTH).put((byte) NEXT_HEADER_ICMPV6)
        .put((byte) HOP_LIMIT).put(source).put(destination);
    frame.put(message);
    return frame.array();
  }

  @Override
  public void close() {
    socket.close();
  }

  private static Inet6Address ipv6(String literal) {
    try {
      return (Inet6Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
