package io.vipd.vrrp;

/** The protocol's numbers, in one place (RFC 3768 for VRRPv2, RFC 5798 for VRRPv3). */
public final class VrrpConstants {
  private VrrpConstants() {}

  /** Version field of VRRPv2 (RFC 3768 section 5.3.1). */
  public static final int VERSION_2 = 2;
  /** Version field of VRRPv3 (RFC 5798 section 5.2.1). */
  public static final int VERSION_3 = 3;
  /** Type field: ADVERTISEMENT, the only type (RFC 3768 section 5.3.2, RFC 5798 section 5.2.2). */
  public static final int TYPE_ADVERTISEMENT = 1;
  /** TTL / hop limit of every VRRP packet, sent and required (RFC 5798 sections 5.1.1.3, 5.1.2.3, 7.1). */
  public static final int TTL = 255;

  /** Priority of the address owner (RFC 5798 section 5.2.4); tracking never changes it. */
  public static final int OWNER_PRIORITY = 255;
  /** Priority 0: the master resigns (RFC 5798 section 5.2.4). */
  public static final int RESIGN_PRIORITY = 0;
  /** Lowest and highest priority a backup may advertise (RFC 5798 section 5.2.4). */
  public static final int MIN_PRIORITY = 1;
  public static final int MAX_BACKUP_PRIORITY = 254;

  /** Authentication Type 0, No Authentication (RFC 3768 section 5.3.6). */
  public static final int AUTH_TYPE_NONE = 0;
  /**
   * Authentication Type 1: reserved by RFC 3768 section 5.3.6 for compatibility with RFC 2338, where it
   * is the Simple Text Password carried in the Authentication Data (keepalived's {@code auth_type PASS}).
   */
  public static final int AUTH_TYPE_SIMPLE_PASSWORD = 1;
  /**
   * Length of the VRRPv2 Authentication Data, present even with no authentication, and so the longest
   * simple password (RFC 3768 section 5.3.10, RFC 2338 section 5.3.10).
   */
  public static final int AUTH_DATA_LENGTH = 8;

  /** Largest VRRPv2 Advertisement Interval, an 8-bit count of seconds (RFC 3768 section 5.3.7). */
  public static final int MAX_ADVERT_INTERVAL_V2 = 0xff;
  /** Largest VRRPv3 Max Adver Int, a 12-bit count of centiseconds (RFC 5798 section 5.2.7). */
  public static final int MAX_ADVERT_INTERVAL_V3 = 0xfff;
  /** Largest Count IPvX Addr, an 8-bit field (RFC 5798 section 5.2.5). */
  public static final int MAX_ADDRESSES = 0xff;
}
