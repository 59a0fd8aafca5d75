package io.vipd.api;

import java.net.InetAddress;

/**
 * The VRRP instance a transport serves.
 *
 * @param name the instance name
 * @param interfaceName the network interface the instance runs on ({@code eth0})
 * @param vrid the virtual router id, 1..255
 * @param ipv6 whether the instance's addresses are IPv6
 * @param sourceAddress the instance's own primary address on the interface (advert source), or null when
 *     the transport should pick the interface's first address of the family
 */
public record TransportInstance(
    String name, String interfaceName, int vrid, boolean ipv6, InetAddress sourceAddress) {}
