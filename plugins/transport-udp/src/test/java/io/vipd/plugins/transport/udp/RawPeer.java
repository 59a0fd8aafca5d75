package io.vipd.plugins.transport.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** A plain UDP socket standing in for an attacker or a capture point: sends and receives raw bytes. */
final class RawPeer implements AutoCloseable {

  private final DatagramSocket socket;

  RawPeer(String address, int port) {
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port));
      socket.setSoTimeout(10_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void sendTo(Node node, byte[] bytes) {
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, node.address, node.port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next datagram, waiting at most 10 s. */
  byte[] receive() {
    byte[] buffer = new byte[65_536];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.copyOf(buffer, packet.getLength());
  }

  @Override
  public void close() {
    socket.close();
  }
}
