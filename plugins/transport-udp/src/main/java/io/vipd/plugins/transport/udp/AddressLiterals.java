package io.vipd.plugins.transport.udp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking DNS: a transport that depends on a name server during a
 * failover is a transport that fails with it.
 */
final class AddressLiterals {

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private AddressLiterals() {}

  /**
   * The address {@code text} spells.
   *
   * @throws IllegalArgumentException when {@code text} is not an IPv4 or IPv6 literal
   */
  static InetAddress parse(String text) {
    String t = text.trim();
    if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address (host names are not resolved)");
    }
    try {
      return InetAddress.getByName(t); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
  }

  /**
   * A peer from {@code host}, {@code host:port}, {@code ipv6} or {@code [ipv6]:port}.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  static Peer parsePeer(String text, int defaultPort) {
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
    return new Peer(parse(host), port == null ? defaultPort : parsePort(port));
  }

  /**
   * A UDP port number 1..65535.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int parsePort(Object value) {
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
}
