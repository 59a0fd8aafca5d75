package io.vipd.vrrp;

/**
 * Why a received packet was ignored. Every ignored packet has exactly one reason; it is counted per
 * instance, logged at debug and exported on the metrics API. The codec produces the syntax reasons
 * ({@link #isSyntax()}); the state machine the protocol ones.
 */
public enum DropReason {
  // --- syntax: VrrpCodec (RFC 5798 section 7.1 first bullets, RFC 3768 section 7.1) ---
  TOO_SHORT("too-short"),
  BAD_VERSION("bad-version"),
  BAD_TYPE("bad-type"),
  BAD_CHECKSUM("bad-checksum"),
  ADDRESS_COUNT_MISMATCH("address-count-mismatch"),
  ZERO_INTERVAL("zero-interval"),
  // --- protocol: VrrpStateMachine ---
  /** IPv4 TTL or IPv6 hop limit not 255 (RFC 5798 section 7.1). */
  BAD_TTL("bad-ttl"),
  /** The VRID is not ours; on a shared socket this is normal traffic of another group. */
  WRONG_VRID("wrong-vrid"),
  /** VRRPv2 authentication type or password differs from ours (RFC 3768 section 7.1). */
  AUTH_MISMATCH("auth-mismatch"),
  /** VRRPv2: the advert interval differs from ours (RFC 3768 section 7.1). */
  INTERVAL_MISMATCH("interval-mismatch"),
  /** The packet's VRRP version is not the instance's. */
  VERSION_MISMATCH("version-mismatch"),
  /** The packet came from one of our own addresses (multicast loop, unicast misconfiguration). */
  OWN_ADVERT("own-advert"),
  /** The instance is in a state that ignores adverts (Initialize, Fault). */
  NOT_LISTENING("not-listening"),
  /** A lower-priority advert heard in Backup (RFC 5798 section 6.4.2 discards it). */
  LOWER_PRIORITY("lower-priority");

  private final String label;

  DropReason(String label) {
    this.label = label;
  }

  /** Kebab-case name used in logs and metrics labels. */
  public String label() {
    return label;
  }

  /** Whether the codec (syntax) rather than the state machine (protocol) rejected the packet. */
  public boolean isSyntax() {
    return ordinal() <= ZERO_INTERVAL.ordinal();
  }
}
