package io.vipd.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses IP address literals without ever asking DNS (a host name in the config is an error). */
final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpLiterals() {}

  /**
   * Parses an IPv4 dotted quad or an IPv6 literal (no zone id).
   *
   * @throws IllegalArgumentException when {@code text} is not an IP address literal
   */
  static InetAddress parse(String text) {
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && !IPV6.matcher(text).matches()) {
      throw new IllegalArgumentException("must be an IP address, got `" + text + "`");
    }
    try {
      // A literal of these shapes is parsed, not looked up.
      InetAddress address = InetAddress.getByName(text);
      if (!v4 && !(address instanceof Inet6Address)) {
        throw new IllegalArgumentException("must be an IP address, got `" + text + "`");
      }
      return address;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("must be an IP address, got `" + text + "`");
    }
  }

  static String family(InetAddress address) {
    return address instanceof Inet6Address ? "IPv6" : "IPv4";
  }
}
