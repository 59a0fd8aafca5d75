package io.vipd.vrrp;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything that can happen to a VRRP instance, fed to {@link VrrpStateMachine#handle}. Events carry
 * plain fields so the state machine does not depend on the packet codec.
 */
public sealed interface VrrpEvent {

  /** The daemon starts the instance (RFC 5798 section 6.4.1 "Startup event"). */
  record Startup() implements VrrpEvent {}

  /** The daemon stops the instance (RFC 5798 "Shutdown event"); a master resigns with priority 0. */
  record Shutdown() implements VrrpEvent {}

  /**
   * The deadline returned by {@link VrrpStateMachine#nextDeadline()} was reached. The machine decides
   * which timer is due; an early or duplicate firing does nothing.
   */
  record TimerFired() implements VrrpEvent {}

  /**
   * A syntactically valid advert arrived (the codec already checked length, version field, type and
   * checksum).
   *
   * @param version VRRP version of the packet, 2 or 3
   * @param vrid the packet's Virtual Rtr ID
   * @param priority the packet's priority, 0..255 (0: the master resigns)
   * @param intervalCentis the packet's Max Adver Int in centiseconds (for v2 the wire field is
   *     seconds: see {@link VrrpTimers#wireIntervalToCentis})
   * @param source the IP source address of the packet
   * @param ttl IPv4 TTL / IPv6 hop limit, or {@link #TTL_UNKNOWN} to skip the check (e.g. unicast
   *     over UDP)
   * @param authType v2 Auth Type (ignored for v3)
   * @param authData v2 Authentication Data, 8 bytes (ignored for v3; null means zeros)
   */
  record AdvertReceived(
      int version,
      int vrid,
      int priority,
      int intervalCentis,
      InetAddress source,
      int ttl,
      int authType,
      byte[] authData)
      implements VrrpEvent {

    /** The TTL / hop limit is not known: skip the check. */
    public static final int TTL_UNKNOWN = -1;

    public AdvertReceived {
      Objects.requireNonNull(source, "source");
      if (priority < 0 || priority > 255) {
        throw new IllegalArgumentException("priority must be 0..255, got " + priority);
      }
      authData = authData == null ? new byte[VrrpConstants.AUTH_DATA_LENGTH] : authData.clone();
    }

    /** What a decoded {@code packet} from {@code source}, received with {@code ttl}, tells the state machine. */
    public static AdvertReceived of(VrrpPacket packet, InetAddress source, int ttl) {
      return new AdvertReceived(packet.version(), packet.vrid(), packet.priority(),
          VrrpTimers.wireIntervalToCentis(packet.version(), packet.advertInterval()), source, ttl,
          packet.authType(), packet.authData());
    }

    /** A VRRPv3 advert (no authentication). */
    public static AdvertReceived v3(int vrid, int priority, int intervalCentis, InetAddress source, int ttl) {
      return new AdvertReceived(3, vrid, priority, intervalCentis, source, ttl, 0, null);
    }

    @Override
    public byte[] authData() {
      return authData.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AdvertReceived a
          && version == a.version && vrid == a.vrid && priority == a.priority
          && intervalCentis == a.intervalCentis && source.equals(a.source) && ttl == a.ttl
          && authType == a.authType && Arrays.equals(authData, a.authData);
    }

    @Override
    public int hashCode() {
      return Objects.hash(version, vrid, priority, intervalCentis, source, ttl, authType,
          Arrays.hashCode(authData));
    }

    /** Never prints the authentication data. */
    @Override
    public String toString() {
      return "AdvertReceived[v" + version + ", vrid=" + vrid + ", priority=" + priority
          + ", intervalCentis=" + intervalCentis + ", source=" + source.getHostAddress()
          + ", ttl=" + ttl + ", authType=" + authType + "]";
    }
  }

  /**
   * Tracking changed our effective priority. A master advertises it at once; a backup uses it from
   * the next Master_Down_Timer reset.
   *
   * @param effectivePriority 1..255
   */
  record PriorityChanged(int effectivePriority) implements VrrpEvent {
    public PriorityChanged {
      if (effectivePriority < 1 || effectivePriority > 255) {
        throw new IllegalArgumentException("effective priority must be 1..255, got " + effectivePriority);
      }
    }
  }

  /**
   * The instance cannot serve (keepalived FAULT): a tracked interface is down or a check with
   * {@code on-down: fault} failed. A second fault while faulted only updates the reason.
   *
   * @param reason human text, shown as {@code fault: <reason>}
   */
  record FaultRaised(String reason) implements VrrpEvent {
    public FaultRaised {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The fault condition is gone: the instance re-enters Backup (or Master as address owner). */
  record FaultCleared() implements VrrpEvent {}

  /**
   * An operator asks the master to hand over: it resigns with a priority-0 advert, so the best backup
   * takes over after its Skew_Time, and goes on as a backup. Ignored in every other state.
   *
   * @param reason human text for the transition ({@code handed over on request})
   */
  record HandOver(String reason) implements VrrpEvent {
    public HandOver {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A reload changed this virtual router's settings in place (priority, interval, preemption,
   * authentication; never its VRID or version) and tracking gives {@code effectivePriority}. The state
   * stays; a master advertises the new settings at once, a backup uses them from its next timer reset.
   *
   * @param settings the new settings, with the same VRID and version
   * @param effectivePriority 1..255
   */
  record Reconfigured(VrrpSettings settings, int effectivePriority) implements VrrpEvent {
    public Reconfigured {
      Objects.requireNonNull(settings, "settings");
      if (effectivePriority < 1 || effectivePriority > 255) {
        throw new IllegalArgumentException("effective priority must be 1..255, got " + effectivePriority);
      }
    }
  }
}
