package io.vipd.plugins.transport.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** UDP ports the kernel says are free right now on loopback, distinct from each other. */
final class FreePorts {

  private FreePorts() {}

  static int[] udp(int count) {
    List<DatagramSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
        held.add(probe);
        ports[i] = probe.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      held.forEach(DatagramSocket::close);
    }
  }
}
