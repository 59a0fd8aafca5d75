package io.vipd.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One VRRP instance (virtual router) under {@code instances:}.
 *
 * @param name unique name, used in logs, events and metrics
 * @param interfaceName the network interface that carries adverts and VIPs ({@code eth0})
 * @param vrid virtual router id, 1..255 (RFC 5798 section 5.2.3)
 * @param version VRRP version, 2 (RFC 3768) or 3 (RFC 5798); default 3
 * @param priority base priority, 1..255; 255 means address owner (RFC 5798 section 5.2.4); default 100
 * @param advertInterval time between adverts; v2 whole seconds, v3 centiseconds; default 1s
 * @param preempt whether a higher-priority backup takes over from a lower-priority master; default true
 * @param preemptDelay how long to wait after start-up before preempting; default 0s
 * @param strictRfc when true, no fast preemption: behave exactly as the RFC state machine
 * @param checksumCompat v3 only: checksum without the pseudo-header, like some old keepalived builds
 * @param sourceAddress the advert source address, else the interface's first address of the family
 * @param transport how adverts travel (default multicast)
 * @param auth v2 simple password authentication (RFC 2338 section 5.3.6), when configured
 * @param vips the virtual addresses, all of one family
 * @param garp gratuitous ARP / unsolicited NA timing
 * @param track what lowers the priority or forces FAULT
 * @param notifiers names of the notifiers told about this instance's state changes
 * @param location where the instance's mapping starts
 */
public record InstanceConfig(
    String name,
    String interfaceName,
    int vrid,
    int version,
    int priority,
    Duration advertInterval,
    boolean preempt,
    Duration preemptDelay,
    boolean strictRfc,
    boolean checksumCompat,
    Optional<InetAddress> sourceAddress,
    TransportConfig transport,
    Optional<AuthConfig> auth,
    List<VipConfig> vips,
    AnnounceSchedule garp,
    TrackConfig track,
    List<String> notifiers,
    ConfigLocation location) {

  public static final int DEFAULT_VERSION = 3;
  public static final int DEFAULT_PRIORITY = 100;
  public static final Duration DEFAULT_ADVERT_INTERVAL = Duration.ofSeconds(1);

  public InstanceConfig {
    vips = List.copyOf(vips);
    notifiers = List.copyOf(notifiers);
  }

  /** Whether the VIPs (and so the adverts) are IPv6. */
  public boolean ipv6() {
    return vips.get(0).ipv6();
  }
}
