package io.vipd.config;

import io.vipd.api.Durations;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a reload changes: every instance, check and notifier of the running and the new configuration,
 * each unchanged, added, removed, changed in place or replaced, with what changed in words. Pure: two
 * validated configurations in, a plan out; the daemon applies it and {@code vipd reload --dry-run} prints
 * it. Secret values never appear, only the names of the keys whose values changed.
 *
 * <p>An instance is replaced (the old one resigns, a new one starts as a backup) when what identifies its
 * virtual router changes: interface, VRID, version, address family, or address ownership (priority 255).
 * Everything else is changed in place and keeps the instance's state.
 *
 * @param instances every instance of either configuration
 * @param checks every check of either configuration
 * @param notifiers every notifier of either configuration
 * @param daemon changes outside those (the API, the plugin directory)
 * @param refusals changes a reload cannot apply; a plan with any is not applied
 */
public record ReloadPlan(
    List<Item> instances, List<Item> checks, List<Item> notifiers, List<String> daemon, List<String> refusals) {

  public ReloadPlan {
    instances = List.copyOf(instances);
    checks = List.copyOf(checks);
    notifiers = List.copyOf(notifiers);
    daemon = List.copyOf(daemon);
    refusals = List.copyOf(refusals);
  }

  /** How one named thing fares in a reload. */
  public enum Change {
    UNCHANGED, ADDED, REMOVED, CHANGED, REPLACED
  }

  /**
   * @param name its configured name
   * @param change what happens to it
   * @param details what changed, in words ({@code priority 100 -> 150}); empty unless CHANGED or REPLACED
   */
  public record Item(String name, Change change, List<String> details) {
    public Item {
      details = List.copyOf(details);
    }
  }

  /** The plan that turns {@code running} into {@code next}. */
  public static ReloadPlan between(VipdConfig running, VipdConfig next) {
    List<String> refusals = new ArrayList<>();
    if (!running.node().equals(next.node())) {
      refusals.add("node: '" + running.node() + "' -> '" + next.node() + "' cannot change on reload; restart vipd"
          + " to rename the node");
    }
    if (!running.stateDirectory().equals(next.stateDirectory())) {
      refusals.add("state-directory: it is read at start-up; restart vipd to move it");
    }
    List<String> daemon = new ArrayList<>();
    compare(daemon, "api", running.api().map(ReloadPlan::listen), next.api().map(ReloadPlan::listen),
        a -> a.orElse("off"));
    if (!running.api().flatMap(ApiConfig::token).equals(next.api().flatMap(ApiConfig::token))) {
      daemon.add("api.token changed");
    }
    compare(daemon, "plugins", running.pluginsDirectory(), next.pluginsDirectory(), Object::toString);
    return new ReloadPlan(
        items(running.instances(), next.instances(), InstanceConfig::name, ReloadPlan::instanceChange),
        items(List.copyOf(running.checks().values()), List.copyOf(next.checks().values()), CheckConfig::name,
            ReloadPlan::checkChange),
        items(List.copyOf(running.notifiers().values()), List.copyOf(next.notifiers().values()),
            NotifierConfig::name, ReloadPlan::notifierChange),
        daemon, refusals);
  }

  /** Whether applying it would change anything at all. */
  public boolean changesAnything() {
    return !daemon.isEmpty() || instances.stream().anyMatch(i -> i.change() != Change.UNCHANGED)
        || checks.stream().anyMatch(i -> i.change() != Change.UNCHANGED)
        || notifiers.stream().anyMatch(i -> i.change() != Change.UNCHANGED);
  }

  /** The names in {@code items} that a reload keeps running as they are. */
  public static Set<String> unchanged(List<Item> items) {
    return items.stream().filter(i -> i.change() == Change.UNCHANGED).map(Item::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the item named {@code name} has the given change. */
  public static boolean is(List<Item> items, String name, Change change) {
    return items.stream().anyMatch(i -> i.name().equals(name) && i.change() == change);
  }

  /** The plan as an operator reads it, one line per instance, check, notifier and other change. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    instances.forEach(i -> lines.add("instance " + i.name() + ": " + switch (i.change()) {
      case UNCHANGED -> "unchanged (keeps its state, VIPs and adverts)";
      case ADDED -> "added (starts as a backup)";
      case REMOVED -> "removed (resigns with priority 0 and removes its VIPs)";
      case CHANGED -> "changed in place (keeps its state): " + String.join("; ", i.details());
      case REPLACED -> "replaced (" + String.join("; ", i.details())
          + "): the old one resigns, the new one starts as a backup";
    }));
    checks.forEach(i -> lines.add("check " + i.name() + ": " + switch (i.change()) {
      case UNCHANGED -> "unchanged (keeps its status)";
      case ADDED -> "added (counts as UP until its first result)";
      case REMOVED -> "removed";
      case CHANGED, REPLACED -> "changed (" + String.join("; ", i.details())
          + "): restarts, counts as UP until its first result";
    }));
    notifiers.forEach(i -> lines.add("notifier " + i.name() + ": " + switch (i.change()) {
      case UNCHANGED -> "unchanged";
      case ADDED -> "added";
      case REMOVED -> "removed (delivers what it has queued, then closes)";
      case CHANGED, REPLACED -> "changed (" + String.join("; ", i.details()) + "): restarts";
    }));
    lines.addAll(daemon);
    refusals.forEach(r -> lines.add("refused: " + r));
    return lines;
  }

  private static <T> List<Item> items(List<T> running, List<T> next, Function<T, String> name,
      ChangeOf<T> changeOf) {
    List<Item> items = new ArrayList<>();
    for (T old : running) {
      Optional<T> now = next.stream().filter(n -> name.apply(n).equals(name.apply(old))).findFirst();
      items.add(now.map(n -> changeOf.of(old, n)).orElse(new Item(name.apply(old), Change.REMOVED, List.of())));
    }
    for (T now : next) {
      if (running.stream().noneMatch(o -> name.apply(o).equals(name.apply(now)))) {
        items.add(new Item(name.apply(now), Change.ADDED, List.of()));
      }
    }
    return items;
  }

  private static Item instanceChange(InstanceConfig a, InstanceConfig b) {
    List<String> identity = new ArrayList<>();
    compare(identity, "interface", a.interfaceName(), b.interfaceName(), Object::toString);
    compare(identity, "vrid", a.vrid(), b.vrid(), Object::toString);
    compare(identity, "version", a.version(), b.version(), Object::toString);
    compare(identity, "address family", a.ipv6(), b.ipv6(), v6 -> v6 ? "IPv6" : "IPv4");
    compare(identity, "address owner", owner(a), owner(b), Object::toString);
    if (!identity.isEmpty()) {
      return new Item(a.name(), Change.REPLACED, identity);
    }
    List<String> details = new ArrayList<>();
    compare(details, "priority", a.priority(), b.priority(), Object::toString);
    compare(details, "advert-interval", a.advertInterval(), b.advertInterval(), Durations::format);
    compare(details, "preempt", a.preempt(), b.preempt(), Object::toString);
    compare(details, "preempt-delay", a.preemptDelay(), b.preemptDelay(), Durations::format);
    compare(details, "strict-rfc", a.strictRfc(), b.strictRfc(), Object::toString);
    compare(details, "checksum-compat", a.checksumCompat(), b.checksumCompat(), Object::toString);
    compare(details, "source-address", a.sourceAddress(), b.sourceAddress(),
        s -> s.map(InetAddress::getHostAddress).orElse("(interface's)"));
    if (!a.auth().equals(b.auth())) {
      details.add("auth changed");
    }
    transportChange(a.transport(), b.transport()).ifPresent(details::add);
    vipChange(a.vips(), b.vips()).ifPresent(details::add);
    if (!a.garp().equals(b.garp())) {
      details.add("garp changed (applies from the next takeover)");
    }
    if (!a.track().equals(b.track())) {
      details.add("track changed");
    }
    compare(details, "notifiers", a.notifiers(), b.notifiers(), n -> n.isEmpty() ? "(all)" : String.join(", ", n));
    return new Item(a.name(), details.isEmpty() ? Change.UNCHANGED : Change.CHANGED, details);
  }

  /** Whether the instance's transport must be created anew (its settings or its source address changed). */
  public static boolean needsNewTransport(InstanceConfig a, InstanceConfig b) {
    return transportChange(a.transport(), b.transport()).isPresent() || !a.sourceAddress().equals(b.sourceAddress());
  }

  private static Item checkChange(CheckConfig a, CheckConfig b) {
    List<String> details = new ArrayList<>();
    compare(details, "type", a.type(), b.type(), Object::toString);
    compare(details, "interval", a.interval(), b.interval(), Durations::format);
    compare(details, "timeout", a.timeout(), b.timeout(), Durations::format);
    compare(details, "rise", a.rise(), b.rise(), Object::toString);
    compare(details, "fall", a.fall(), b.fall(), Object::toString);
    settingsChange(a.settings(), b.settings()).ifPresent(details::add);
    return new Item(a.name(), details.isEmpty() ? Change.UNCHANGED : Change.CHANGED, details);
  }

  private static Item notifierChange(NotifierConfig a, NotifierConfig b) {
    List<String> details = new ArrayList<>();
    compare(details, "type", a.type(), b.type(), Object::toString);
    if (!a.events().equals(b.events())) {
      details.add("events changed");
    }
    if (!a.delivery().equals(b.delivery())) {
      details.add("delivery changed");
    }
    settingsChange(a.settings(), b.settings()).ifPresent(details::add);
    return new Item(a.name(), details.isEmpty() ? Change.UNCHANGED : Change.CHANGED, details);
  }

  private static Optional<String> transportChange(TransportConfig a, TransportConfig b) {
    if (!a.type().equals(b.type())) {
      return Optional.of("transport " + a.type() + " -> " + b.type());
    }
    return settingsChange(a.settings(), b.settings()).map(s -> "transport " + s);
  }

  /** {@code settings: host, password}: the keys whose values differ, never the values (they may be secrets). */
  private static Optional<String> settingsChange(PluginSettings a, PluginSettings b) {
    var before = a.values();
    var after = b.values();
    if (before.equals(after)) {
      return Optional.empty();
    }
    Set<String> keys = new TreeSet<>(before.fieldNames());
    keys.addAll(after.fieldNames());
    keys.removeIf(k -> Objects.equals(before.getValue(k), after.getValue(k)));
    return Optional.of("settings: " + String.join(", ", keys));
  }

  private static Optional<String> vipChange(List<VipConfig> a, List<VipConfig> b) {
    List<String> changes = new ArrayList<>();
    b.stream().filter(v -> !a.contains(v)).forEach(v -> changes.add("+" + v));
    a.stream().filter(v -> !b.contains(v)).forEach(v -> changes.add("-" + v));
    return changes.isEmpty() ? Optional.empty() : Optional.of("vips " + String.join(" ", changes));
  }

  private static boolean owner(InstanceConfig instance) {
    return instance.priority() == 255;
  }

  private static String listen(ApiConfig api) {
    return api.host() + ":" + api.port();
  }

  private static <T> void compare(List<String> details, String what, T a, T b, Function<T, String> show) {
    if (!Objects.equals(a, b)) {
      details.add(what + " " + show.apply(a) + " -> " + show.apply(b));
    }
  }

  @FunctionalInterface
  private interface ChangeOf<T> {
    Item of(T running, T next);
  }
}
