package io.vipd.net;

import static io.vipd.net.LinuxConstants.AF_PACKET;
import static io.vipd.net.LinuxConstants.SOCK_RAW;

import java.io.Closeable;
import java.io.IOException;

/**
 * A send-only {@code AF_PACKET}/{@code SOCK_RAW} socket for one interface: the caller writes whole Ethernet
 * frames. Protocol 0 means the kernel queues nothing for us to read.
 */
final class PacketSocket implements Closeable {
  private final NativeSocket socket;
  private final int interfaceIndex;

  private PacketSocket(NativeSocket socket, int interfaceIndex) {
    this.socket = socket;
    this.interfaceIndex = interfaceIndex;
  }

  static PacketSocket open(String interfaceName) throws IOException {
    int index = Interfaces.index(interfaceName);
    return new PacketSocket(NativeSocket.open(AF_PACKET, SOCK_RAW, 0, "packet socket on " + interfaceName), index);
  }

  /** Sends {@code frame} (Ethernet header included) out of the interface. */
  void send(byte[] frame, int etherType, byte[] destinationMac) throws NativeIoException {
    socket.sendTo(frame, frame.length, SocketAddresses.link(interfaceIndex, etherType, destinationMac), "frame");
  }

  @Override
  public void close() {
    socket.close();
  }
}
