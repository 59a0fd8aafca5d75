package io.vipd.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals from configuration without ever asking DNS: text that is not plainly an
 * IPv4 dotted quad or an IPv6 literal (no zone id) is refused before {@link InetAddress#getByName} could
 * treat it as a host name. A failover must never wait on a name server.
 */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpLiterals() {}

  /** The address, or empty when {@code text} is not an IP address literal. */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && !IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      InetAddress address = InetAddress.getByName(text); // a literal of these shapes is parsed, not looked up
      return v4 || address instanceof Inet6Address ? Optional.of(address) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * The address.
   *
   * @throws IllegalArgumentException {@link #notAnAddress} when it is not a literal
   */
  public static InetAddress require(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(notAnAddress(text)));
  }

  /** The one wording of "this is not an IP address literal", for configuration problems. */
  public static String notAnAddress(Object text) {
    return "must be an IP address (names are not resolved), got `" + text + "`";
  }

  /** {@code IPv4} or {@code IPv6}, for messages. */
  public static String family(InetAddress address) {
    return address instanceof Inet6Address ? "IPv6" : "IPv4";
  }
}
