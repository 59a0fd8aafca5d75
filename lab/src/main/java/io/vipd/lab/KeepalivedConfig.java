package io.vipd.lab;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One keepalived {@code vrrp_instance} on {@code eth0} of a {@link LabHost}, rendered as a keepalived.conf
 * by {@link #render(String)}. Immutable; change it with the {@code with*} methods, e.g.
 * {@code KeepalivedConfig.of(51, 150, 3, "10.99.0.100/24").withAdvertInterval(Duration.ofMillis(100))}.
 *
 * @param vrid virtual_router_id, 1..255
 * @param priority 1..255
 * @param version VRRP version, 2 or 3 ({@code global_defs vrrp_version})
 * @param advertInterval advert_int; whole seconds for version 2
 * @param preempt false writes {@code nopreempt}
 * @param vips virtual_ipaddress entries with prefix, e.g. {@code 10.99.0.100/24}
 * @param unicastSourceAddress unicast_src_ip, or null
 * @param unicastPeers unicast_peer addresses; empty for multicast
 * @param authPassword version 2 {@code authentication { auth_type PASS }} password, or null
 * @param trackScript a vrrp_script tracked by the instance, or null
 */
public record KeepalivedConfig(
    int vrid,
    int priority,
    int version,
    Duration advertInterval,
    boolean preempt,
    List<String> vips,
    String unicastSourceAddress,
    List<String> unicastPeers,
    String authPassword,
    TrackScript trackScript) {

  /** The instance name in the rendered configuration and in keepalived's log lines. */
  public static final String INSTANCE_NAME = "VI_1";

  /**
   * A {@code vrrp_script} tracked by the instance.
   *
   * @param script command line keepalived runs (as root)
   * @param interval seconds between runs
   * @param fall failures before it counts as down
   * @param rise successes before it counts as up again
   * @param weight priority change while down; 0 means the instance goes to FAULT instead
   */
  public record TrackScript(String script, int interval, int fall, int rise, int weight) {}

  public KeepalivedConfig {
    if (vrid < 1 || vrid > 255 || priority < 1 || priority > 255) {
      throw new IllegalArgumentException("vrid and priority must be 1..255");
    }
    if (version != 2 && version != 3) {
      throw new IllegalArgumentException("version must be 2 or 3");
    }
    if (version == 2 && advertInterval.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("keepalived needs vrrp_version 3 for a sub-second advert_int");
    }
    if (authPassword != null && version != 2) {
      throw new IllegalArgumentException("authentication exists only in VRRP version 2");
    }
    vips = List.copyOf(vips);
    unicastPeers = List.copyOf(unicastPeers);
  }

  /** Multicast, preempting, 1 s adverts, no authentication, no tracking. */
  public static KeepalivedConfig of(int vrid, int priority, int version, String... vips) {
    return new KeepalivedConfig(vrid, priority, version, Duration.ofSeconds(1), true, List.of(vips), null,
        List.of(), null, null);
  }

  public KeepalivedConfig withPriority(int newPriority) {
    return new KeepalivedConfig(vrid, newPriority, version, advertInterval, preempt, vips, unicastSourceAddress,
        unicastPeers, authPassword, trackScript);
  }

  public KeepalivedConfig withAdvertInterval(Duration interval) {
    return new KeepalivedConfig(vrid, priority, version, interval, preempt, vips, unicastSourceAddress,
        unicastPeers, authPassword, trackScript);
  }

  public KeepalivedConfig withPreempt(boolean newPreempt) {
    return new KeepalivedConfig(vrid, priority, version, advertInterval, newPreempt, vips, unicastSourceAddress,
        unicastPeers, authPassword, trackScript);
  }

  /** Adverts go to {@code peers} from {@code sourceAddress} instead of to 224.0.0.18. */
  public KeepalivedConfig withUnicast(String sourceAddress, String... peers) {
    return new KeepalivedConfig(vrid, priority, version, advertInterval, preempt, vips, sourceAddress,
        List.of(peers), authPassword, trackScript);
  }

  public KeepalivedConfig withAuthPassword(String password) {
    return new KeepalivedConfig(vrid, priority, version, advertInterval, preempt, vips, unicastSourceAddress,
        unicastPeers, password, trackScript);
  }

  public KeepalivedConfig withTrackScript(TrackScript script) {
    return new KeepalivedConfig(vrid, priority, version, advertInterval, preempt, vips, unicastSourceAddress,
        unicastPeers, authPassword, script);
  }

  /** The keepalived.conf text; {@code routerId} names the node in keepalived's log. */
  public String render(String routerId) {
    List<String> lines = new ArrayList<>();
    lines.add("global_defs {");
    lines.add("  router_id " + routerId);
    lines.add("  vrrp_version " + version);
    // Scripts run as root. No enable_script_security: it would refuse scripts under a world-writable /tmp,
    // where tests keep them; keepalived only logs a warning about it.
    lines.add("  script_user root");
    lines.add("}");
    if (trackScript != null) {
      lines.add("vrrp_script chk {");
      lines.add("  script \"" + trackScript.script().replace("\"", "\\\"") + "\"");
      lines.add("  interval " + trackScript.interval());
      lines.add("  fall " + trackScript.fall());
      lines.add("  rise " + trackScript.rise());
      lines.add("}");
    }
    lines.add("vrrp_instance " + INSTANCE_NAME + " {");
    // BACKUP start state: nopreempt requires it, and both daemons then elect the master from adverts.
    lines.add("  state BACKUP");
    lines.add("  interface eth0");
    lines.add("  virtual_router_id " + vrid);
    lines.add("  priority " + priority);
    lines.add("  advert_int " + BigDecimal.valueOf(advertInterval.toMillis(), 3).stripTrailingZeros().toPlainString());
    if (!preempt) {
      lines.add("  nopreempt");
    }
    if (unicastSourceAddress != null) {
      lines.add("  unicast_src_ip " + unicastSourceAddress);
    }
    if (!unicastPeers.isEmpty()) {
      lines.add("  unicast_peer {");
      unicastPeers.forEach(peer -> lines.add("    " + peer));
      lines.add("  }");
    }
    if (authPassword != null) {
      lines.add("  authentication {");
      lines.add("    auth_type PASS");
      lines.add("    auth_pass " + authPassword);
      lines.add("  }");
    }
    lines.add("  virtual_ipaddress {");
    vips.forEach(vip -> lines.add("    " + vip + " dev eth0"));
    lines.add("  }");
    if (trackScript != null) {
      lines.add("  track_script {");
      lines.add("    chk" + (trackScript.weight() == 0 ? "" : " weight " + trackScript.weight()));
      lines.add("  }");
    }
    lines.add("}");
    return String.join("\n", lines) + "\n";
  }
}
