package io.vipd.net;

import static io.vipd.net.Syscalls.C;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

/** Facts about the interfaces of the current network namespace: index, name, MAC, primary address. */
public final class Interfaces {
  private Interfaces() {}

  /** The kernel's index of {@code interfaceName}; throws (ENODEV) when there is no such interface. */
  public static int index(String interfaceName) throws NativeIoException {
    int index = C.if_nametoindex(interfaceName);
    if (index == 0) {
      throw Syscalls.failure("if_nametoindex " + interfaceName);
    }
    return index;
  }

  /** The name of the interface with this index, if it still exists. */
  public static Optional<String> name(int index) {
    byte[] name = new byte[16]; // IFNAMSIZ
    return C.if_indextoname(index, name) == null ? Optional.empty() : Optional.of(RtAttributes.string(name));
  }

  /** The interface's 6-byte Ethernet address. */
  public static byte[] mac(String interfaceName) throws IOException {
    NetworkInterface nic = require(interfaceName);
    byte[] mac = nic.getHardwareAddress();
    if (mac == null || mac.length != 6) {
      throw new IOException(interfaceName + " has no Ethernet address");
    }
    return mac;
  }

  /**
   * The address adverts go out from: for IPv4 the interface's primary (first non-secondary) address, for
   * IPv6 its link-local address (RFC 5798 section 5.1.2.1).
   */
  public static InetAddress primaryAddress(Rtnetlink netlink, String interfaceName, boolean ipv6) throws IOException {
    List<AssignedAddress> addresses = netlink.listAddresses(interfaceName);
    for (AssignedAddress a : addresses) {
      if (ipv6 && a.address() instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
        return v6;
      }
      if (!ipv6 && a.address() instanceof Inet4Address && !a.secondary()) {
        return a.address();
      }
    }
    throw new IOException(interfaceName + " has no " + (ipv6 ? "IPv6 link-local" : "IPv4") + " address");
  }

  private static NetworkInterface require(String interfaceName) throws IOException {
    try {
      NetworkInterface nic = NetworkInterface.getByName(interfaceName);
      if (nic == null) {
        throw new IOException("no interface named " + interfaceName);
      }
      return nic;
    } catch (SocketException e) {
      throw new IOException("cannot read interface " + interfaceName + ": " + e.getMessage(), e);
    }
  }
}
