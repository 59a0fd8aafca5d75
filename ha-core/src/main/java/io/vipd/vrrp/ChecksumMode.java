package io.vipd.vrrp;

/**
 * What a VRRPv3 checksum covers. VRRPv2 ignores the mode: its checksum always covers the VRRP message
 * alone (RFC 3768 section 5.3.8).
 */
public enum ChecksumMode {
  /**
   * The default and the RFC behaviour: an IPv4 or IPv6 pseudo-header plus the VRRP message (RFC 5798
   * section 5.2.8, RFC 9568 section 5.2.8).
   */
  PSEUDO_HEADER,
  /**
   * Compatibility with VRRPv3 peers that checksum the VRRP message alone, as some routers and old
   * keepalived versions do. Both ends of a group must agree.
   */
  NO_PSEUDO_HEADER
}
