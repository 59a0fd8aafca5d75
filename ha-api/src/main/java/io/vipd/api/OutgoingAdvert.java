package io.vipd.api;

import java.net.InetAddress;

/**
 * An advert ready to send. VRRPv3's checksum covers an IP pseudo-header (RFC 5798 section 5.2.8), so the
 * bytes depend on the source and destination the transport will use; a unicast transport asks once per peer.
 */
public interface OutgoingAdvert {

  /** The VRRP message (no IP header) for a packet from {@code source} to {@code destination}. */
  byte[] bytesFor(InetAddress source, InetAddress destination);
}
