package io.vipd.vrrp;

import static io.vipd.vrrp.VrrpConstants.AUTH_DATA_LENGTH;
import static io.vipd.vrrp.VrrpConstants.AUTH_TYPE_NONE;
import static io.vipd.vrrp.VrrpConstants.AUTH_TYPE_SIMPLE_PASSWORD;
import static io.vipd.vrrp.VrrpConstants.MAX_ADDRESSES;
import static io.vipd.vrrp.VrrpConstants.MAX_ADVERT_INTERVAL_V2;
import static io.vipd.vrrp.VrrpConstants.MAX_ADVERT_INTERVAL_V3;
import static io.vipd.vrrp.VrrpConstants.TYPE_ADVERTISEMENT;
import static io.vipd.vrrp.VrrpConstants.VERSION_2;
import static io.vipd.vrrp.VrrpConstants.VERSION_3;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP advertisement, version 2 (RFC 3768 section 5) or 3 (RFC 5798 section 5), as fields. The
 * checksum is not a field: {@link VrrpCodec} computes and verifies it.
 *
 * @param version {@link #VERSION_2} or {@link #VERSION_3}
 * @param type {@link #TYPE_ADVERTISEMENT}, the only type defined
 * @param vrid the virtual router id, 0..255 as received (the state machine drops ids that are not ours)
 * @param priority 0..255; 0 means the master is leaving, 255 the address owner
 * @param authType VRRPv2 authentication type ({@link #AUTH_TYPE_NONE} or {@link
 *     #AUTH_TYPE_SIMPLE_PASSWORD}); always {@link #AUTH_TYPE_NONE} for VRRPv3
 * @param authData VRRPv2 authentication data, {@link #AUTH_DATA_LENGTH} bytes; zeros for VRRPv3
 * @param advertInterval VRRPv2: Advertisement Interval in seconds (8 bits); VRRPv3: Max Adver Int in
 *     centiseconds (12 bits)
 * @param addresses the virtual addresses, all IPv4 or all IPv6 (IPv6 only with VRRPv3); their number
 *     is the Count IP Addrs field
 */
public record VrrpPacket(
    int version,
    int type,
    int vrid,
    int priority,
    int authType,
    byte[] authData,
    int advertInterval,
    List<InetAddress> addresses) {


  private static final byte[] NO_AUTH_DATA = new byte[AUTH_DATA_LENGTH];

  public VrrpPacket {
    if (version != VERSION_2 && version != VERSION_3) {
      throw new IllegalArgumentException("version must be 2 or 3: " + version);
    }
    requireByte("type", type);
    requireByte("vrid", vrid);
    requireByte("priority", priority);
    requireByte("authType", authType);
    Objects.requireNonNull(authData, "authData");
    if (authData.length != AUTH_DATA_LENGTH) {
      throw new IllegalArgumentException("authData must be " + AUTH_DATA_LENGTH + " bytes");
    }
    authData = authData.clone();
    int maxInterval = version == VERSION_2 ? MAX_ADVERT_INTERVAL_V2 : MAX_ADVERT_INTERVAL_V3;
    if (advertInterval < 1 || advertInterval > maxInterval) {
      throw new IllegalArgumentException("advertInterval must be 1.." + maxInterval + ": " + advertInterval);
    }
    addresses = List.copyOf(addresses);
    if (addresses.size() > MAX_ADDRESSES) {
      throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " addresses: " + addresses.size());
    }
    Class<?> family = addresses.isEmpty() ? null : addresses.get(0).getClass();
    if (!addresses.stream().allMatch(a -> a.getClass() == family)) {
      throw new IllegalArgumentException("addresses must be all IPv4 or all IPv6: " + addresses);
    }
    if (version == VERSION_2 && !addresses.isEmpty() && addresses.get(0) instanceof Inet6Address) {
      throw new IllegalArgumentException("VRRPv2 carries IPv4 addresses only (RFC 3768)");
    }
    if (version == VERSION_3 && (authType != AUTH_TYPE_NONE || !Arrays.equals(authData, NO_AUTH_DATA))) {
      throw new IllegalArgumentException("VRRPv3 has no authentication (RFC 5798 section 9)");
    }
  }

  /**
   * The advert an instance with {@code settings} sends at {@code priority}: its version, VRID, interval in
   * the version's wire unit, and (v2) its authentication.
   */
  public static VrrpPacket advert(VrrpSettings settings, int priority, List<InetAddress> addresses) {
    boolean v2 = settings.version() == VERSION_2;
    return new VrrpPacket(settings.version(), TYPE_ADVERTISEMENT, settings.vrid(), priority,
        v2 ? settings.authType() : AUTH_TYPE_NONE, v2 ? settings.authData() : NO_AUTH_DATA,
        VrrpTimers.centisToWireInterval(settings.version(), settings.advertIntervalCentis()), addresses);
  }

  /** A VRRPv2 advert without authentication; {@code interval} in whole seconds. */
  public static VrrpPacket v2Advert(int vrid, int priority, Duration interval, List<InetAddress> addresses) {
    return new VrrpPacket(VERSION_2, TYPE_ADVERTISEMENT, vrid, priority, AUTH_TYPE_NONE, NO_AUTH_DATA,
        wholeUnits(interval, Duration.ofSeconds(1)), addresses);
  }

  /** A VRRPv2 advert with a simple text password of at most 8 bytes, zero-padded (RFC 2338 section 5.3.10). */
  public static VrrpPacket v2Advert(
      int vrid, int priority, Duration interval, String password, List<InetAddress> addresses) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > AUTH_DATA_LENGTH) {
      throw new IllegalArgumentException("password longer than " + AUTH_DATA_LENGTH + " bytes");
    }
    return new VrrpPacket(VERSION_2, TYPE_ADVERTISEMENT, vrid, priority, AUTH_TYPE_SIMPLE_PASSWORD,
        Arrays.copyOf(bytes, AUTH_DATA_LENGTH), wholeUnits(interval, Duration.ofSeconds(1)), addresses);
  }

  /** A VRRPv3 advert; {@code interval} in whole centiseconds, 10 ms to 40.95 s. */
  public static VrrpPacket v3Advert(int vrid, int priority, Duration interval, List<InetAddress> addresses) {
    return new VrrpPacket(VERSION_3, TYPE_ADVERTISEMENT, vrid, priority, AUTH_TYPE_NONE, NO_AUTH_DATA,
        wholeUnits(interval, Duration.ofMillis(10)), addresses);
  }

  /** This advert with another priority, e.g. 0 when the master shuts down (RFC 5798 section 6.4.3). */
  public VrrpPacket withPriority(int newPriority) {
    return new VrrpPacket(version, type, vrid, newPriority, authType, authData, advertInterval, addresses);
  }

  /** The Count IP Addrs field. */
  public int count() {
    return addresses.size();
  }

  /** The advertisement interval as a duration. */
  public Duration interval() {
    return version == VERSION_2
        ? Duration.ofSeconds(advertInterval)
        : Duration.ofMillis(advertInterval * 10L);
  }

  /** Whether the addresses are IPv6 (false for IPv4, and for an empty list). */
  public boolean isIpv6() {
    return !addresses.isEmpty() && addresses.get(0) instanceof Inet6Address;
  }

  @Override
  public byte[] authData() {
    return authData.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VrrpPacket p
        && version == p.version && type == p.type && vrid == p.vrid && priority == p.priority
        && authType == p.authType && Arrays.equals(authData, p.authData)
        && advertInterval == p.advertInterval && addresses.equals(p.addresses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, type, vrid, priority, authType, Arrays.hashCode(authData),
        advertInterval, addresses);
  }

  /** Shows the auth data in hex only when it is set; a password is not logged in clear text. */
  @Override
  public String toString() {
    return "VrrpPacket[v" + version + " type=" + type + " vrid=" + vrid + " priority=" + priority
        + (authType == AUTH_TYPE_NONE ? "" : " authType=" + authType)
        + " interval=" + interval() + " addresses=" + addresses + "]";
  }

  private static void requireByte(String name, int value) {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException(name + " must be 0..255: " + value);
    }
  }

  private static int wholeUnits(Duration interval, Duration unit) {
    if (interval.isNegative() || !interval.equals(unit.multipliedBy(interval.dividedBy(unit)))) {
      throw new IllegalArgumentException("interval " + interval + " is not a whole multiple of " + unit);
    }
    long units = interval.dividedBy(unit);
    return (int) Math.min(units, Integer.MAX_VALUE); // the constructor checks the range
  }
}
