package io.vipd.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals from configuration without ever resolving a host name. */
final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private IpLiterals() {}

  /** The address, or empty when {@code text} is not an IPv4 or IPv6 literal. */
  static Optional<InetAddress> parse(String text) {
    if (text == null || !(IPV4.matcher(text).matches() || text.indexOf(':') >= 0)) {
      return Optional.empty(); // anything else would make InetAddress do a DNS lookup
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      if (address instanceof Inet4Address && !IPV4.matcher(text).matches()) {
        return Optional.empty();
      }
      return Optional.of(address);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
