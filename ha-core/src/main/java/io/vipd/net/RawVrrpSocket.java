package io.vipd.net;

import static io.vipd.net.LinuxConstants.SOCK_RAW;
import static io.vipd.net.LinuxConstants.SOL_SOCKET;
import static io.vipd.net.LinuxConstants.SO_RCVBUF;

import io.vipd.api.ReceivedAdvert;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VRRP over raw IP (protocol 112) on one interface, for one source address: {@link Ipv4RawVrrpSocket} and
 * {@link Ipv6RawVrrpSocket} are mirrors with the same methods.
 *
 * <p>It holds two sockets. The sending one is bound to our source address, so the kernel uses exactly the
 * address the VRRPv3 checksum's pseudo-header was computed with (RFC 5798 section 5.2.8). The receiving one
 * is bound only to the device: a raw socket bound to a unicast address would receive only packets addressed
 * to it and miss the multicast group. A named daemon thread reads the receiving socket and hands each packet
 * to the callback; {@link #close()} wakes it with {@code shutdown(2)} and joins it.
 */
public abstract sealed class RawVrrpSocket implements Closeable permits Ipv4RawVrrpSocket, Ipv6RawVrrpSocket {
  private static final Logger log = LoggerFactory.getLogger(RawVrrpSocket.class);

  /** IP protocol number of VRRP (RFC 5798 section 5.1.1.4, IANA). */
  public static final int IPPROTO_VRRP = 112;

  protected final String interfaceName;
  protected final int interfaceIndex;
  protected final InetAddress source;
  protected final NativeSocket sender;
  protected final NativeSocket receiver;
  private final Consumer<ReceivedAdvert> callback;
  private final Thread thread;
  private volatile boolean closing;

  RawVrrpSocket(String interfaceName, InetAddress source, int domain, Consumer<ReceivedAdvert> callback)
      throws IOException {
    this.interfaceName = interfaceName;
    this.interfaceIndex = Interfaces.index(interfaceName);
    this.source = source;
    this.callback = callback;
    String family = source instanceof Inet4Address ? "v4" : "v6";
    this.sender = NativeSocket.open(domain, SOCK_RAW, IPPROTO_VRRP, "vrrp send " + interfaceName + " " + family);
    NativeSocket opened = null;
    try {
      sender.bindToDevice(interfaceName);
      // the sender never reads: keep the queue of packets to our address that it also matches tiny
      sender.setInt(SOL_SOCKET, SO_RCVBUF, 0, "SO_RCVBUF");
      opened = NativeSocket.open(domain, SOCK_RAW, IPPROTO_VRRP, "vrrp receive " + interfaceName + " " + family);
      opened.bindToDevice(interfaceName);
    } catch (IOException e) {
      sender.close();
      if (opened != null) {
        opened.close();
      }
      throw e;
    }
    this.receiver = opened;
    this.thread = new Thread(this::receiveLoop, "vipd-vrrp-rx-" + interfaceName + "-" + family);
    this.thread.setDaemon(true);
  }

  /**
   * Opens the sockets for {@code source}'s family and starts the receive thread.
   *
   * @param source our address on the interface, the source of every advert we send
   * @param multicast true: join the VRRP group (224.0.0.18 / ff02::12) and receive packets to any of our
   *     addresses; false (unicast peers): receive only packets addressed to {@code source}
   * @param callback receives every packet, on the socket's thread; it must not block
   */
  public static RawVrrpSocket open(String interfaceName, InetAddress source, boolean multicast,
      Consumer<ReceivedAdvert> callback) throws IOException {
    RawVrrpSocket socket = source instanceof Inet4Address
        ? new Ipv4RawVrrpSocket(interfaceName, source, callback)
        : new Ipv6RawVrrpSocket(interfaceName, source, callback);
    try {
      socket.configure(multicast);
    } catch (IOException e) {
      socket.sender.close();
      socket.receiver.close();
      throw e;
    }
    socket.thread.start();
    return socket;
  }

  /**
   * Sets the family's options on both sockets and binds the sender to {@link #source}; with {@code
   * multicast} joins the group, else binds the receiver to {@link #source} too.
   */
  abstract void configure(boolean multicast) throws IOException;

  /** Blocks for the next packet; null when the socket was shut down or the packet is not usable. */
  abstract ReceivedAdvert receive() throws IOException;

  /** The VRRP multicast group of this family. */
  public abstract InetAddress group();

  /** Sends one VRRP message ({@code vrrp}, without IP header) to {@code destination}. */
  public void send(byte[] vrrp, InetAddress destination) throws IOException {
    sender.sendTo(vrrp, vrrp.length, SocketAddresses.ip(destination, interfaceIndex), "to " + destination);
  }

  public InetAddress source() {
    return source;
  }

  public String interfaceName() {
    return interfaceName;
  }

  private void receiveLoop() {
    while (!closing) {
      ReceivedAdvert advert;
      try {
        advert = receive();
      } catch (NativeIoException e) {
        if (closing) {
          break;
        }
        if (e.errno() == Errno.EINTR || e.errno() == Errno.EAGAIN) {
          continue;
        }
        log.error("VRRP receive on {} stopped", interfaceName, e);
        break;
      } catch (IOException | RuntimeException e) {
        log.error("VRRP receive on {} stopped", interfaceName, e);
        break;
      }
      if (advert != null && !closing) {
        try {
          callback.accept(advert);
        } catch (RuntimeException e) {
          log.error("VRRP packet handler failed", e);
        }
      }
    }
  }

  /** Wakes and joins the receive thread, then closes both sockets. No callback runs after this returns. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    receiver.shutdown();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    receiver.close();
    sender.close();
  }

  @Override
  public String toString() {
    return "VRRP on " + interfaceName + " from " + source.getHostAddress();
  }
}
