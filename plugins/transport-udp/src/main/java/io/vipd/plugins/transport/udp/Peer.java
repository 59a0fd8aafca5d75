package io.vipd.plugins.transport.udp;

import io.vipd.api.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Where adverts go: an address literal and a UDP port. */
record Peer(InetAddress address, int port) {

  /**
   * A peer from {@code address}, {@code address:port}, {@code ipv6} or {@code [ipv6]:port}; names are not
   * resolved ({@link IpLiterals}).
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  static Peer parse(String text, int defaultPort) {
    String t = text.trim();
    String host = t;
    String port = null;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "' has no closing ]");
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("'" + text + "': expected [address]:port");
        }
        port = rest.substring(1);
      }
    } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
      host = t.substring(0, t.indexOf(':'));
      port = t.substring(t.indexOf(':') + 1);
    }
    return new Peer(IpLiterals.require(host), port == null ? defaultPort : port(port));
  }

  /**
   * A UDP port number 1..65535.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int port(Object value) {
    int port;
    if (value instanceof Number n && n.doubleValue() == n.intValue()) {
      port = n.intValue();
    } else if (value instanceof String s && s.trim().matches("\\d{1,5}")) {
      port = Integer.parseInt(s.trim());
    } else {
      throw new IllegalArgumentException("'" + value + "' is not a port number");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1..65535");
    }
    return port;
  }

  /** {@code 10.0.0.2:5798} or {@code [fd99::2]:5798}. */
  @Override
  public String toString() {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
