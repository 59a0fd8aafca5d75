package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_INET6;
import static io.vipd.net.LinuxConstants.IPV6_ADD_MEMBERSHIP;
import static io.vipd.net.LinuxConstants.IPV6_HOPLIMIT;
import static io.vipd.net.LinuxConstants.IPV6_MULTICAST_HOPS;
import static io.vipd.net.LinuxConstants.IPV6_MULTICAST_IF;
import static io.vipd.net.LinuxConstants.IPV6_MULTICAST_LOOP;
import static io.vipd.net.LinuxConstants.IPV6_PKTINFO;
import static io.vipd.net.LinuxConstants.IPV6_RECVHOPLIMIT;
import static io.vipd.net.LinuxConstants.IPV6_RECVPKTINFO;
import static io.vipd.net.LinuxConstants.IPV6_UNICAST_HOPS;
import static io.vipd.net.LinuxConstants.SOL_IPV6;
import static io.vipd.net.Syscalls.C;
import static io.vipd.vrrp.VrrpConstants.TTL;

import com.sun.jna.Memory;
import io.vipd.api.ReceivedAdvert;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * VRRP over IPv6. A raw IPv6 socket delivers only the payload, so the hop limit and the destination come as
 * ancillary data ({@code IPV6_RECVHOPLIMIT}, {@code IPV6_RECVPKTINFO}, RFC 3542 section 6) read with
 * {@code recvmsg(2)}; the source comes in the message name. Mirror: {@link Ipv4RawVrrpSocket}.
 */
public final class Ipv6RawVrrpSocket extends RawVrrpSocket {
  /** The VRRP IPv6 multicast group (RFC 5798 section 5.1.2.2). */
  public static final Inet6Address GROUP = ipv6("ff02::12");

  // struct msghdr and struct cmsghdr on LP64 Linux (checked in Syscalls)
  private static final int MSGHDR_LENGTH = 56;
  private static final int CMSGHDR_LENGTH = 16;
  private static final int SOCKADDR_IN6_LENGTH = 28;
  private static final int DATA_LENGTH = 65_536;
  private static final int CONTROL_LENGTH = 256;

  private final Memory msghdr = new Memory(MSGHDR_LENGTH);
  private final Memory iovec = new Memory(16);
  private final Memory name = new Memory(SOCKADDR_IN6_LENGTH);
  private final Memory data = new Memory(DATA_LENGTH);
  private final Memory control = new Memory(CONTROL_LENGTH);

  Ipv6RawVrrpSocket(String interfaceName, InetAddress source, Consumer<ReceivedAdvert> callback) throws IOException {
    super(interfaceName, source, AF_INET6, callback);
  }

  @Override
  void configure(boolean multicast) throws IOException {
    sender.setInt(SOL_IPV6, IPV6_MULTICAST_HOPS, TTL, "IPV6_MULTICAST_HOPS");
    sender.setInt(SOL_IPV6, IPV6_UNICAST_HOPS, TTL, "IPV6_UNICAST_HOPS");
    sender.setInt(SOL_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
    sender.setInt(SOL_IPV6, IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
    sender.bind(SocketAddresses.ipv6((Inet6Address) source, interfaceIndex), source.getHostAddress());
    receiver.setInt(SOL_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
    receiver.setInt(SOL_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
    if (!multicast) {
      receiver.bind(SocketAddresses.ipv6((Inet6Address) source, interfaceIndex), source.getHostAddress());
    } else {
      // struct ipv6_mreq: group, interface index
      ByteBuffer mreq = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
      mreq.put(GROUP.getAddress()).putInt(interfaceIndex);
      receiver.setBytes(SOL_IPV6, IPV6_ADD_MEMBERSHIP, mreq.array(), "IPV6_ADD_MEMBERSHIP " + GROUP.getHostAddress());
    }
  }

  @Override
  ReceivedAdvert receive() throws IOException {
    iovec.setPointer(0, data);
    iovec.setLong(8, DATA_LENGTH);
    msghdr.clear();
    msghdr.setPointer(0, name);
    msghdr.setInt(8, SOCKADDR_IN6_LENGTH);
    msghdr.setPointer(16, iovec);
    msghdr.setLong(24, 1);
    msghdr.setPointer(32, control);
    msghdr.setLong(40, CONTROL_LENGTH);
    int length = (int) Syscalls.check(C.recvmsg(receiver.fd(), msghdr, 0), receiver + ": recvmsg");
    if (length == 0) {
      return null;
    }
    Inet6Address from = SocketAddresses.parseIpv6(name.getByteArray(0, SOCKADDR_IN6_LENGTH), interfaceIndex);
    Inet6Address to = null;
    int hopLimit = ReceivedAdvert.TTL_UNKNOWN;
    long controlLength = msghdr.getLong(40);
    for (long offset = 0; offset + CMSGHDR_LENGTH <= controlLength; ) {
      long cmsgLength = control.getLong(offset);
      int level = control.getInt(offset + 8);
      int type = control.getInt(offset + 12);
      if (cmsgLength < CMSGHDR_LENGTH) {
        break;
      }
      if (level == SOL_IPV6 && type == IPV6_HOPLIMIT) {
        hopLimit = control.getInt(offset + CMSGHDR_LENGTH);
      } else if (level == SOL_IPV6 && type == IPV6_PKTINFO) {
        // struct in6_pktinfo: destination address, arrival interface index
        to = SocketAddresses.ipv6Address(control.getByteArray(offset + CMSGHDR_LENGTH, 16), interfaceIndex);
      }
      offset += (cmsgLength + 7) & ~7L; // CMSG_ALIGN
    }
    if (to == null) {
      return null; // the kernel always sends it once IPV6_RECVPKTINFO is set
    }
    return new ReceivedAdvert(data.getByteArray(0, length), from, to, hopLimit);
  }

  @Override
  public InetAddress group() {
    return GROUP;
  }

  private static Inet6Address ipv6(String literal) {
    try {
      return (Inet6Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
