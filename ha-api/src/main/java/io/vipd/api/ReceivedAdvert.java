package io.vipd.api;

import java.net.InetAddress;

/**
 * A VRRP message a transport received.
 *
 * @param payload the VRRP message, without IP (or UDP) header
 * @param source the sender's address
 * @param destination the address it was sent to (a multicast group or our own address), for the checksum
 * @param ttl the IPv4 TTL or IPv6 hop limit it arrived with, or {@link #TTL_UNKNOWN} when the transport
 *     cannot tell (the daemon then skips the RFC 5798 section 7.1 TTL=255 check; such a transport must
 *     authenticate its packets instead)
 */
public record ReceivedAdvert(byte[] payload, InetAddress source, InetAddress destination, int ttl) {
  public static final int TTL_UNKNOWN = -1;
}
