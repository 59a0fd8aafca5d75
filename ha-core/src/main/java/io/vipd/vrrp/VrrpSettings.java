package io.vipd.vrrp;

import static io.vipd.vrrp.VrrpConstants.AUTH_DATA_LENGTH;
import static io.vipd.vrrp.VrrpConstants.AUTH_TYPE_NONE;
import static io.vipd.vrrp.VrrpConstants.AUTH_TYPE_SIMPLE_PASSWORD;
import static io.vipd.vrrp.VrrpConstants.MAX_ADVERT_INTERVAL_V3;
import static io.vipd.vrrp.VrrpConstants.OWNER_PRIORITY;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one VRRP instance's state machine needs from the configuration. Validated on construction;
 * every problem is reported at once.
 *
 * @param vrid Virtual Router Identifier, 1..255 (RFC 5798 section 5.2.3)
 * @param version 2 (RFC 3768) or 3 (RFC 5798)
 * @param priority configured priority, 1..255; 255 means we own the virtual addresses
 *     (RFC 5798 section 5.2.4). Tracking may change the effective priority at run time
 *     ({@link VrrpEvent.PriorityChanged}).
 * @param advertIntervalCentis Advertisement_Interval in centiseconds: v3 1..4095
 *     (RFC 5798 section 5.2.7), v2 whole seconds 1..255, so a multiple of 100 (RFC 3768 section 5.3.7)
 * @param preempt Preempt_Mode (RFC 5798 section 6.1): whether a higher-priority backup takes over
 *     from a lower-priority master. The address owner always preempts.
 * @param preemptDelay keepalived's preempt_delay: after entering Backup from Initialize or Fault, the
 *     instance does not preempt a lower-priority master until this much time has passed
 * @param strictRfc false (default): fast preemption, a preempting backup takes over after Skew_Time
 *     from the first lower-priority advert; true: it discards such adverts as RFC 5798 section 6.4.2
 *     says and takes over only when Master_Down_Timer runs out
 * @param primaryAddress our primary address on the interface: the tie-break between equal priorities
 *     (RFC 5798 section 6.4.3) and how our own looped-back adverts are recognised
 * @param authType v2 Auth Type (RFC 3768 section 5.3.6): 0 none, 1 simple text password; ignored by v3
 * @param authData v2 Authentication Data, exactly 8 bytes (zero-padded); compared only for type 1
 */
public record VrrpSettings(
    int vrid,
    int version,
    int priority,
    int advertIntervalCentis,
    boolean preempt,
    Duration preemptDelay,
    boolean strictRfc,
    InetAddress primaryAddress,
    int authType,
    byte[] authData) {

  /** Default Advertisement_Interval, 1 s (RFC 5798 section 5.2.7). */
  public static final int DEFAULT_ADVERT_INTERVAL_CENTIS = 100;

  public VrrpSettings {
    Objects.requireNonNull(primaryAddress, "primaryAddress");
    preemptDelay = preemptDelay == null ? Duration.ZERO : preemptDelay;
    authData = authData == null ? new byte[AUTH_DATA_LENGTH] : authData.clone();
    List<String> problems = new ArrayList<>();
    if (vrid < 1 || vrid > 255) {
      problems.add("vrid must be 1..255, got " + vrid);
    }
    if (version != 2 && version != 3) {
      problems.add("version must be 2 or 3, got " + version);
    }
    if (priority < 1 || priority > OWNER_PRIORITY) {
      problems.add("priority must be 1..255, got " + priority);
    }
    if (version == 2 && (advertIntervalCentis % 100 != 0 || advertIntervalCentis < 100 || advertIntervalCentis > 25500)) {
      problems.add("VRRPv2 advert interval must be whole seconds 1..255, got " + advertIntervalCentis + " cs");
    }
    if (version == 3 && (advertIntervalCentis < 1 || advertIntervalCentis > MAX_ADVERT_INTERVAL_V3)) {
      problems.add("VRRPv3 advert interval must be 1..4095 cs, got " + advertIntervalCentis + " cs");
    }
    if (version == 2 && !(primaryAddress instanceof Inet4Address)) {
      problems.add("VRRPv2 is IPv4 only, primary address is " + primaryAddress.getHostAddress());
    }
    if (preemptDelay.isNegative()) {
      problems.add("preempt delay must not be negative, got " + preemptDelay);
    }
    if (authType != AUTH_TYPE_NONE && authType != AUTH_TYPE_SIMPLE_PASSWORD) {
      problems.add("auth type must be 0 (none) or 1 (simple text), got " + authType);
    }
    if (authData.length != AUTH_DATA_LENGTH) {
      problems.add("auth data must be 8 bytes, got " + authData.length);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * Settings with the defaults: 1 s interval, preempt on, no preempt delay, fast preemption, no auth.
   */
  public static VrrpSettings of(int vrid, int version, int priority, InetAddress primaryAddress) {
    return new VrrpSettings(vrid, version, priority, DEFAULT_ADVERT_INTERVAL_CENTIS, true, Duration.ZERO,
        false, primaryAddress, AUTH_TYPE_NONE, null);
  }

  public VrrpSettings withPriority(int newPriority) {
    return new VrrpSettings(vrid, version, newPriority, advertIntervalCentis, preempt, preemptDelay, strictRfc,
        primaryAddress, authType, authData);
  }

  public VrrpSettings withAdvertIntervalCentis(int centis) {
    return new VrrpSettings(vrid, version, priority, centis, preempt, preemptDelay, strictRfc, primaryAddress,
        authType, authData);
  }

  public VrrpSettings withPreempt(boolean on) {
    return new VrrpSettings(vrid, version, priority, advertIntervalCentis, on, preemptDelay, strictRfc,
        primaryAddress, authType, authData);
  }

  public VrrpSettings withPreemptDelay(Duration delay) {
    return new VrrpSettings(vrid, version, priority, advertIntervalCentis, preempt, delay, strictRfc,
        primaryAddress, authType, authData);
  }

  public VrrpSettings withStrictRfc(boolean on) {
    return new VrrpSettings(vrid, version, priority, advertIntervalCentis, preempt, preemptDelay, on,
        primaryAddress, authType, authData);
  }

  /** Simple text password (v2 Auth Type 1), zero-padded to 8 bytes; longer passwords are an error. */
  public VrrpSettings withPassword(byte[] password) {
    if (password.length > AUTH_DATA_LENGTH) {
      throw new IllegalArgumentException("VRRPv2 password is at most 8 bytes, got " + password.length);
    }
    return new VrrpSettings(vrid, version, priority, advertIntervalCentis, preempt, preemptDelay, strictRfc,
        primaryAddress, AUTH_TYPE_SIMPLE_PASSWORD, Arrays.copyOf(password, AUTH_DATA_LENGTH));
  }

  /** A copy of the 8 authentication bytes. */
  @Override
  public byte[] authData() {
    return authData.clone();
  }

  /** Whether a v2 advert's authentication matches ours (RFC 3768 section 7.1). */
  boolean authMatches(int type, byte[] data) {
    if (type != authType) {
      return false;
    }
    return authType != AUTH_TYPE_SIMPLE_PASSWORD || Arrays.equals(authData, data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VrrpSettings s
        && vrid == s.vrid && version == s.version && priority == s.priority
        && advertIntervalCentis == s.advertIntervalCentis && preempt == s.preempt
        && preemptDelay.equals(s.preemptDelay) && strictRfc == s.strictRfc
        && primaryAddress.equals(s.primaryAddress) && authType == s.authType
        && Arrays.equals(authData, s.authData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vrid, version, priority, advertIntervalCentis, preempt, preemptDelay, strictRfc,
        primaryAddress, authType, Arrays.hashCode(authData));
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "VrrpSettings[vrid=" + vrid + ", version=" + version + ", priority=" + priority
        + ", advertIntervalCentis=" + advertIntervalCentis + ", preempt=" + preempt
        + ", preemptDelay=" + preemptDelay + ", strictRfc=" + strictRfc
        + ", primaryAddress=" + primaryAddress.getHostAddress() + ", authType=" + authType + "]";
  }
}
