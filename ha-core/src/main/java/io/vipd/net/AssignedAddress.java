package io.vipd.net;

import java.net.InetAddress;

/**
 * An address configured on an interface, as {@code ip -o addr} shows it.
 *
 * @param label the IPv4 label ({@code eth0:vip}), or null
 * @param secondary whether the kernel made it a secondary address (IPv4: another address of the same subnet
 *     came first)
 */
public record AssignedAddress(
    String interfaceName, InetAddress address, int prefixLength, String label, boolean secondary) {}
