package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_INET;
import static io.vipd.net.LinuxConstants.AF_PACKET;
import static io.vipd.net.LinuxConstants.ETH_P_IP;
import static io.vipd.net.LinuxConstants.ICMP_FILTER;
import static io.vipd.net.LinuxConstants.IPPROTO_ICMP;
import static io.vipd.net.LinuxConstants.POLLIN;
import static io.vipd.net.LinuxConstants.SOCK_RAW;
import static io.vipd.net.LinuxConstants.SOL_RAW;
import static io.vipd.net.Syscalls.C;
import static io.vipd.net.Syscalls.check;

import com.sun.jna.Native;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * Pings one IPv4 address and tells which Ethernet address answered: the tool that measures a VIP's
 * failover from a client's point of view. Requests go out of a raw ICMP socket, so the kernel does the
 * routing and ARP like for any client; replies are read from an {@code AF_PACKET} socket on the interface,
 * which shows each reply's source MAC (the host that holds the VIP for this client right now).
 *
 * <p>Unlike {@code ping}, the caller decides when to send (a fixed rate, no back-off while nothing
 * answers). One thread may {@link #send}, another {@link #receive}.
 */
public final class IcmpEchoProber implements Closeable {
  private final NativeSocket sender;
  private final NativeSocket receiver;
  private final Inet4Address target;
  private final byte[] targetAddress;
  private final int identifier;
  private final byte[] frame = new byte[2048];

  private IcmpEchoProber(NativeSocket sender, NativeSocket receiver, Inet4Address target, int identifier) {
    this.sender = sender;
    this.receiver = receiver;
    this.target = target;
    this.targetAddress = SocketAddresses.ipv4(target);
    this.identifier = identifier & 0xffff;
  }

  /** Opens both sockets on {@code interfaceName}; {@code identifier} (16 bits) tells our replies apart. */
  public static IcmpEchoProber open(String interfaceName, Inet4Address target, int identifier) throws IOException {
    int index = Interfaces.index(interfaceName);
    NativeSocket sender = NativeSocket.open(AF_INET, SOCK_RAW, IPPROTO_ICMP, "icmp socket on " + interfaceName);
    NativeSocket receiver = null;
    try {
      sender.bindToDevice(interfaceName);
      // Replies also reach this raw socket; filter every ICMP type so nothing piles up in its queue.
      sender.setInt(SOL_RAW, ICMP_FILTER, -1, "ICMP_FILTER");
      int protocol = networkOrder16(ETH_P_IP);
      receiver = NativeSocket.open(AF_PACKET, SOCK_RAW, protocol, "packet socket on " + interfaceName);
      receiver.bind(SocketAddresses.link(index, ETH_P_IP, new byte[6]), interfaceName);
      return new IcmpEchoProber(sender, receiver, target, identifier);
    } catch (IOException | RuntimeException e) {
      sender.close();
      if (receiver != null) {
        receiver.close();
      }
      throw e;
    }
  }

  /** Sends one echo request with this sequence number (16 bits). */
  public void send(int sequence) throws IOException {
    byte[] request = IcmpEcho.request(identifier, sequence, new byte[16]);
    sender.sendTo(request, request.length, targetAddress, "echo request to " + target.getHostAddress());
  }

  /**
   * Waits up to {@code timeout} for the next reply to our requests; empty when none came (other frames on
   * the interface are skipped).
   */
  public Optional<EchoReply> receive(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      if (!readable((int) Math.max(1, Math.min(left / 1_000_000, Integer.MAX_VALUE)))) {
        continue;
      }
      int length = receiver.receive(frame);
      long now = System.nanoTime();
      Optional<EchoReply> reply = IcmpEcho.parseReply(frame, length, target, identifier, now);
      if (reply.isPresent()) {
        return reply;
      }
    }
  }

  private boolean readable(int timeoutMillis) throws NativeIoException {
    byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
        .putInt(receiver.fd()).putShort(POLLIN).putShort((short) 0).array();
    int ready = C.poll(pollfd, 1, timeoutMillis);
    if (ready < 0 && Native.getLastError() == Errno.EINTR) {
      return false; // a signal: the caller's loop polls again until its deadline
    }
    return check(ready, "poll " + receiver) > 0;
  }

  private static int networkOrder16(int value) {
    return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? value : Short.toUnsignedInt(Short.reverseBytes((short) value));
  }

  @Override
  public void close() {
    sender.close();
    receiver.close();
  }
}
