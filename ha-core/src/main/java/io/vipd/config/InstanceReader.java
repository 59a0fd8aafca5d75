package io.vipd.config;

import io.vipd.api.IpLiterals;
import io.vipd.api.Durations;
import io.vipd.vrrp.VrrpConstants;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one entry of {@code instances:} after {@code checks:} and {@code notifiers:}, and remembers names
 * and VRIDs across entries to report duplicates.
 */
final class InstanceReader {
  static final Set<String> KEYS =
      Set.of(
          "name", "interface", "vrid", "version", "priority", "advert-interval", "preempt",
          "preempt-delay", "strict-rfc", "checksum-compat", "source-address", "transport", "auth",
          "vips", "garp", "track", "notify");
  /** keepalived's limit for {@code preempt_delay}. */
  private static final Duration MAX_PREEMPT_DELAY = Duration.ofSeconds(1000);

  private final NodeReader reader;
  private final Set<String> notifierNames;
  private final VipsReader vips;
  private final TrackReader track;
  private final TransportReader transports;
  private final Map<String, Integer> nameLines = new HashMap<>();
  private final Map<String, String> vridOwners = new HashMap<>();

  InstanceReader(NodeReader reader, Set<String> checkNames, Set<String> notifierNames) {
    this.reader = reader;
    this.notifierNames = notifierNames;
    this.vips = new VipsReader(reader);
    this.track = new TrackReader(reader, checkNames);
    this.transports = new TransportReader(reader);
  }

  /** An interface name as the kernel accepts it: 1..15 characters, no {@code /}, {@code :} or space. */
  static String interfaceName(NodeReader reader, Node node, String path) {
    String name = reader.string(node, path);
    if (name != null && !name.matches("[^/:\\s]{1,15}")) {
      reader.problem(node, path, "must be an interface name (at most 15 characters, no `/`, `:` or spaces), got `" + name + "`");
      return null;
    }
    return name;
  }

  /** The instance, or null when something required is missing or invalid (problems recorded). */
  InstanceConfig read(Node node, String path) {
    YamlMapping m = reader.mapping(node, path);
    if (m == null) {
      return null;
    }
    m.rejectUnknownKeys(KEYS);
    String name = m.required("name", this::uniqueName);
    String iface = m.required("interface", (n, p) -> interfaceName(reader, n, p));
    Integer vrid = m.required("vrid", (n, p) -> reader.integer(n, p, 1, 255));
    // null when invalid, so that version-specific rules do not pile up follow-on problems
    Node versionNode = m.value("version");
    Integer version = versionNode == null ? Integer.valueOf(InstanceConfig.DEFAULT_VERSION) : version(versionNode, m.path("version"));
    int priority = m.integer("priority", InstanceConfig.DEFAULT_PRIORITY, VrrpConstants.MIN_PRIORITY, VrrpConstants.OWNER_PRIORITY);
    List<VipConfig> addresses = vips.read(m, iface, version);
    Boolean ipv6 = addresses == null ? null : addresses.get(0).ipv6();
    Duration advert = advertInterval(m, version);
    boolean preempt = m.bool("preempt", true);
    Duration preemptDelay = m.duration("preempt-delay", Duration.ZERO, Duration.ZERO, MAX_PREEMPT_DELAY);
    boolean strictRfc = m.bool("strict-rfc", false);
    boolean checksumCompat = m.bool("checksum-compat", false);
    if (checksumCompat && Integer.valueOf(2).equals(version)) {
      reader.problem(m.value("checksum-compat"), m.path("checksum-compat"), "applies to version 3 only");
    }
    Optional<InetAddress> source = Optional.ofNullable(m.get("source-address", null, (n, p) -> sameFamily(n, p, ipv6)));
    TransportConfig transport = transports.read(m.value("transport"), m.path("transport"), reader.locate(m.node()));
    Optional<AuthConfig> auth = Optional.ofNullable(transports.auth(m.value("auth"), m.path("auth"), version));
    AnnounceSchedule garp = garp(m.value("garp"), m.path("garp"));
    TrackConfig tracked = track.read(m.value("track"), m.path("track"));
    List<String> notify = m.strings("notify", this::notifierReference);
    rememberVrid(m, name, iface, vrid, ipv6);
    if (name == null || iface == null || vrid == null || version == null || addresses == null || transport == null) {
      return null;
    }
    return new InstanceConfig(
        name, iface, vrid, version, priority, advert, preempt, preemptDelay, strictRfc, checksumCompat,
        source, transport, auth, addresses, garp, tracked, notify, reader.locate(m.node()));
  }

  private String uniqueName(Node node, String path) {
    String name = reader.name(node, path);
    if (name == null) {
      return null;
    }
    Integer first = nameLines.putIfAbsent(name, reader.locate(node).line());
    if (first != null) {
      reader.problem(node, path, "duplicate instance name `" + name + "` (first at line " + first + ")");
      return null;
    }
    return name;
  }

  private Integer version(Node node, String path) {
    Text text = reader.text(node, path);
    if (text != null && !text.value().equals("2") && !text.value().equals("3")) {
      reader.problem(node, path, "must be 2 or 3, got `" + text.shown() + "`");
      return null;
    }
    return text == null ? null : Integer.valueOf(text.value());
  }

  /**
   * v2: whole seconds in an 8-bit field (RFC 3768 section 5.3.7); v3: centiseconds in a 12-bit field,
   * so 10 ms .. 40.95 s in steps of 10 ms (RFC 5798 section 5.2.7).
   */
  private Duration advertInterval(YamlMapping m, Integer version) {
    Duration fallback = InstanceConfig.DEFAULT_ADVERT_INTERVAL;
    Duration interval = m.duration("advert-interval", fallback, Duration.ofMillis(1), Duration.ofHours(1));
    Node node = m.value("advert-interval");
    String path = m.path("advert-interval");
    String shown = Durations.format(interval);
    if (node == null || version == null) {
      return interval;
    }
    long millis = interval.toMillis();
    if (version == 2 && millis % 1000 != 0) {
      reader.problem(node, path, "version 2 adverts carry whole seconds (RFC 3768 section 5.3.7), got " + shown + "; use version: 3 for sub-second intervals");
    } else if (version == 2 && millis > 255_000) {
      reader.problem(node, path, "must be 1s..255s for version 2 (RFC 3768 section 5.3.7), got " + shown);
    } else if (version == 3 && (millis < 10 || millis > 40_950)) {
      reader.problem(node, path, "must be 10ms..40.95s for version 3 (RFC 5798 section 5.2.7), got " + shown);
    } else if (version == 3 && millis % 10 != 0) {
      reader.problem(node, path, "must be a multiple of 10ms for version 3 (RFC 5798 section 5.2.7 counts centiseconds), got " + shown);
    } else {
      return interval;
    }
    return fallback;
  }

  private InetAddress sameFamily(Node node, String path, Boolean ipv6) {
    InetAddress address = reader.address(node, path);
    if (address != null && ipv6 != null && (address instanceof Inet6Address) != ipv6) {
      reader.problem(node, path, "is " + IpLiterals.family(address) + " but the VIPs are " + (ipv6 ? "IPv6" : "IPv4"));
      return null;
    }
    return address;
  }

  private AnnounceSchedule garp(Node node, String path) {
    AnnounceSchedule d = AnnounceSchedule.KEEPALIVED_DEFAULTS;
    YamlMapping g = node == null ? null : reader.mapping(node, path);
    if (g == null) {
      return d;
    }
    g.rejectUnknownKeys(Set.of("count", "interval", "repeat-after", "repeat-count", "refresh"));
    return new AnnounceSchedule(
        g.integer("count", d.count(), 1, 100),
        g.duration("interval", d.interval(), Duration.ZERO, Duration.ofSeconds(10)),
        g.duration("repeat-after", d.repeatAfter(), Duration.ZERO, Duration.ofHours(1)),
        g.integer("repeat-count", d.repeatCount(), 0, 100),
        g.duration("refresh", d.refresh(), Duration.ZERO, Duration.ofDays(1)));
  }

  private String notifierReference(Node node, String path) {
    String name = reader.string(node, path);
    if (name != null && !notifierNames.contains(name)) {
      String hint = notifierNames.isEmpty()
          ? " (no notifiers are defined under `notifiers:`)"
          : Suggestions.didYouMean(name, notifierNames);
      reader.problem(node, path, "undefined notifier `" + name + "`" + hint);
      return null;
    }
    return name;
  }

  /** RFC 5798 section 5.2.3: a VRID names one virtual router per LAN (and address family). */
  private void rememberVrid(YamlMapping m, String name, String iface, Integer vrid, Boolean ipv6) {
    if (iface == null || vrid == null || ipv6 == null) {
      return;
    }
    String key = iface + "/" + vrid + "/" + ipv6;
    String owner = (name == null ? "?" : "`" + name + "`") + " (line " + reader.locate(m.node()).line() + ")";
    String first = vridOwners.putIfAbsent(key, owner);
    if (first != null) {
      reader.problem(
          m.value("vrid"),
          m.path("vrid"),
          "VRID " + vrid + " is already used on " + iface + " for " + (ipv6 ? "IPv6" : "IPv4")
              + " by instance " + first);
    }
  }
}
