package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_INET;
import static io.vipd.net.LinuxConstants.IP_ADD_MEMBERSHIP;
import static io.vipd.net.LinuxConstants.IP_MULTICAST_IF;
import static io.vipd.net.LinuxConstants.IP_MULTICAST_LOOP;
import static io.vipd.net.LinuxConstants.IP_MULTICAST_TTL;
import static io.vipd.net.LinuxConstants.IP_TTL;
import static io.vipd.net.LinuxConstants.SOL_IP;
import static io.vipd.vrrp.VrrpConstants.TTL;

import io.vipd.api.ReceivedAdvert;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * VRRP over IPv4. Received bytes start with the IP header, which gives TTL, source and destination; the VRRP
 * message follows it. Mirror: {@link Ipv6RawVrrpSocket}.
 */
public final class Ipv4RawVrrpSocket extends RawVrrpSocket {
  /** The VRRP IPv4 multicast group (RFC 5798 section 5.1.1.2). */
  public static final Inet4Address GROUP = ipv4("224.0.0.18");
  private static final int MIN_IP_HEADER = 20;

  private final byte[] buffer = new byte[65_536];

  Ipv4RawVrrpSocket(String interfaceName, InetAddress source, Consumer<ReceivedAdvert> callback) throws IOException {
    super(interfaceName, source, AF_INET, callback);
  }

  @Override
  void configure(boolean multicast) throws IOException {
    sender.setInt(SOL_IP, IP_MULTICAST_TTL, TTL, "IP_MULTICAST_TTL");
    sender.setInt(SOL_IP, IP_TTL, TTL, "IP_TTL");
    sender.setInt(SOL_IP, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
    sender.setBytes(SOL_IP, IP_MULTICAST_IF, ipMreqn(GROUP), "IP_MULTICAST_IF");
    sender.bind(SocketAddresses.ipv4((Inet4Address) source), source.getHostAddress());
    if (!multicast) {
      receiver.bind(SocketAddresses.ipv4((Inet4Address) source), source.getHostAddress());
    } else {
      receiver.setBytes(SOL_IP, IP_ADD_MEMBERSHIP, ipMreqn(GROUP), "IP_ADD_MEMBERSHIP " + GROUP.getHostAddress());
    }
  }

  /** {@code struct ip_mreqn}: group, our address (any: the index decides), interface index. */
  private byte[] ipMreqn(Inet4Address group) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    b.put(group.getAddress()).putInt(0).putInt(interfaceIndex);
    return b.array();
  }

  @Override
  ReceivedAdvert receive() throws IOException {
    int length = receiver.receive(buffer);
    if (length < MIN_IP_HEADER) {
      return null; // 0: shut down; anything else shorter than an IP header cannot come from the kernel
    }
    int headerLength = (buffer[0] & 0x0f) * 4;
    if (headerLength < MIN_IP_HEADER || headerLength > length) {
      return null;
    }
    int ttl = buffer[8] & 0xff;
    Inet4Address from = SocketAddresses.ipv4Address(buffer, 12);
    Inet4Address to = SocketAddresses.ipv4Address(buffer, 16);
    byte[] payload = new byte[length - headerLength];
    System.arraycopy(buffer, headerLength, payload, 0, payload.length);
    return new ReceivedAdvert(payload, from, to, ttl);
  }

  @Override
  public InetAddress group() {
    return GROUP;
  }

  private static Inet4Address ipv4(String literal) {
    try {
      return (Inet4Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
