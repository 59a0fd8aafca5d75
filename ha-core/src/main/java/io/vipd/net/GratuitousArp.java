package io.vipd.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Announces an IPv4 VIP with a gratuitous ARP request (RFC 5227 section 3 "ARP Announcement", RFC 5798
 * section 6.4.1): a broadcast request whose sender and target protocol addresses are both the VIP and whose
 * sender hardware address is ours, so every neighbour that already caches the VIP repoints it at us.
 * The IPv6 mirror is {@link UnsolicitedNeighborAdvert}.
 */
public final class GratuitousArp implements Closeable {
  /** EtherType of ARP (RFC 826). */
  public static final int ETHERTYPE_ARP = 0x0806;
  static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
  private static final int FRAME_LENGTH = 14 + 28;

  private final PacketSocket socket;
  private final byte[] mac;

  private GratuitousArp(PacketSocket socket, byte[] mac) {
    this.socket = socket;
    this.mac = mac;
  }

  /** Opens an AF_PACKET socket on {@code interfaceName}, announcing with that interface's MAC. */
  public static GratuitousArp open(String interfaceName) throws IOException {
    byte[] mac = Interfaces.mac(interfaceName);
    return new GratuitousArp(PacketSocket.open(interfaceName), mac);
  }

  /** Sends one announcement for {@code vip}. */
  public void announce(Inet4Address vip) throws IOException {
    socket.send(frame(mac, vip), ETHERTYPE_ARP, BROADCAST);
  }

  /** The complete Ethernet frame (42 bytes, the NIC pads it) announcing {@code vip} at {@code sourceMac}. */
  public static byte[] frame(byte[] sourceMac, Inet4Address vip) {
    requireMac(sourceMac);
    byte[] ip = vip.getAddress();
    ByteBuffer b = ByteBuffer.allocate(FRAME_LENGTH);
    b.put(BROADCAST).put(sourceMac).putShort((short) ETHERTYPE_ARP);
    b.putShort((short) 1) // hardware type: Ethernet
        .putShort((short) 0x0800) // protocol type: IPv4
        .put((byte) 6)
        .put((byte) 4)
        .putShort((short) 1); // operation: request (RFC 5227 section 3 announcements are requests)
    b.put(sourceMac).put(ip); // sender
    b.put(new byte[6]).put(ip); // target: unknown hardware address, the VIP itself
    return b.array();
  }

  static void requireMac(byte[] mac) {
    if (mac == null || mac.length != 6) {
      throw new IllegalArgumentException("need a 6-byte Ethernet address");
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
