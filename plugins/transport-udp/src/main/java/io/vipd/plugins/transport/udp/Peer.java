package io.vipd.plugins.transport.udp;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Where adverts go: an address literal and a UDP port. */
record Peer(InetAddress address, int port) {

  /** {@code 10.0.0.2:5798} or {@code [fd99::2]:5798}. */
  @Override
  public String toString() {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
