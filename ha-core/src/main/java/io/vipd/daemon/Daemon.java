package io.vipd.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.AdvertTransport;
import io.vipd.api.HealthCheck;
import io.vipd.api.Notifier;
import io.vipd.api.SecretResolver;
import io.vipd.config.ApiConfig;
import io.vipd.config.CheckConfig;
import io.vipd.config.ConfigException;
import io.vipd.config.ConfigLoader;
import io.vipd.config.ConfigProblem;
import io.vipd.config.InstanceConfig;
import io.vipd.config.ReloadOutcome;
import io.vipd.config.ReloadPlan;
import io.vipd.config.VipConfig;
import io.vipd.config.VipdConfig;
import io.vipd.http.ApiServer;
import io.vipd.instance.InstanceSpec;
import io.vipd.instance.VrrpInstance;
import io.vipd.net.AssignedAddress;
import io.vipd.net.Capabilities;
import io.vipd.net.Capability;
import io.vipd.net.Interfaces;
import io.vipd.net.NativeIoException;
import io.vipd.net.NetlinkMonitor;
import io.vipd.net.NetworkEvent;
import io.vipd.net.Rtnetlink;
import io.vipd.notify.NotifierStats;
import io.vipd.plugin.BuiltIns;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.PluginLoadException;
import io.vipd.track.CheckRunner;
import io.vipd.track.CheckSchedule;
import io.vipd.transport.MulticastTransportFactory;
import io.vipd.transport.UnicastTransportFactory;
import io.vipd.vertx.Contexts;
import io.vipd.vrrp.VrrpConstants;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon, a composition root: builds every configured VRRP instance (which owns its
 * transport, addresses, announcer and tracking) and the check runners, hands each runner to the instances
 * that track it, and feeds the instances link and address events; all on one Vert.x instance.
 */
public final class Daemon {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  /** The core's own transports; plugins may add more. */
  public static final BuiltIns BUILT_INS =
      BuiltIns.transports(new MulticastTransportFactory(), new UnicastTransportFactory());

  /** Replaced by a reload; the lists below are edited only by start-up and {@link #reload}. */
  private volatile VipdConfig config;
  private final Vertx vertx;
  private final SecretResolver secrets;
  /** The host the running extensions came from; a reload may load a newer one. */
  private PluginHost plugins;
  /** Hosts a reload loaded (closed at stop; the one given to {@link #start} is the caller's). */
  private final List<PluginHost> loadedByReloads = new ArrayList<>();
  private final Rtnetlink netlink;
  /** Immutable; a reload swaps in a new list. */
  private volatile List<VrrpInstance> instances = List.of();
  private final Map<String, NeighbourAnnouncer> announcers = new ConcurrentHashMap<>();
  /** Immutable, in configuration order; a reload swaps in a new list. */
  private volatile List<CheckRunner> runners = List.of();
  private Notifications notifications;
  private MaintenanceState maintenance;
  private NetlinkMonitor monitor;
  private volatile ApiServer api;
  /** What the API serves; made once the maintenance state is known, kept across reloads. */
  private DaemonBackend backend;

  private Daemon(VipdConfig config, Vertx vertx, PluginHost plugins, Rtnetlink netlink, SecretResolver secrets) {
    this.config = config;
    this.vertx = vertx;
    this.plugins = plugins;
    this.netlink = netlink;
    this.secrets = secrets;
  }

  /**
   * Builds and starts everything. On failure nothing is left running.
   *
   * @throws ConfigException when a plugin rejects its settings (with file, line and column)
   * @throws StartupException when the machine is not fit (missing capability, unknown interface,
   *     address conflict)
   */
  public static Daemon start(VipdConfig config, PluginHost plugins, SecretResolver secrets)
      throws ConfigException, StartupException {
    // before anything is opened: a missing NET_ADMIN would otherwise show only when the first VIP is added
    Optional<String> lacking = Capabilities.lacking(Capability.NET_RAW, Capability.NET_ADMIN);
    if (lacking.isPresent()) {
      throw new StartupException(lacking.get());
    }
    Vertx vertx = Vertx.vertx();
    Rtnetlink netlink = null;
    Daemon daemon = null;
    try {
      netlink = openNetlink();
      daemon = new Daemon(config, vertx, plugins, netlink, secrets);
      daemon.build();
      daemon.startAll();
      return daemon;
    } catch (ConfigException | StartupException | RuntimeException e) {
      if (daemon != null) {
        daemon.stop(Duration.ofSeconds(1));
      } else {
        if (netlink != null) {
          netlink.close();
        }
        vertx.close();
      }
      throw e;
    }
  }

  public List<VrrpInstance> instances() {
    return instances;
  }

  public VipdConfig config() {
    return config;
  }

  /** The health checks' runners, in configuration order. */
  public List<CheckRunner> checks() {
    return runners;
  }

  /** Every notifier's delivery counters. */
  public List<NotifierStats> notifierStats() {
    return notifications == null ? List.of() : notifications.stats();
  }

  private void build() throws ConfigException, StartupException {
    List<String> machineProblems = new ArrayList<>();
    Extensions extensions = new Extensions(config, plugins, vertx, secrets);
    Map<String, HealthCheck> checks = extensions.checks();
    Map<String, Notifier> notifiers = extensions.notifiers();
    List<Built> built = new ArrayList<>();
    for (InstanceConfig instance : config.instances()) {
      build(instance, extensions, machineProblems).ifPresent(built::add);
    }
    extensions.throwIfProblems();
    if (!machineProblems.isEmpty()) {
      throw new StartupException(machineProblems);
    }
    notifications = new Notifications(config, vertx, notifiers);
    List<CheckRunner> created = new ArrayList<>();
    checks.forEach((name, check) -> created.add(runner(config.checks().get(name), check)));
    runners = List.copyOf(created);
    instances = built.stream().map(this::instance).toList();
    Map<String, String> reporterOf = reporters(config);
    for (VrrpInstance instance : instances) {
      runners.forEach(r -> instance.track(r, instance.name().equals(reporterOf.get(r.name()))));
    }
    restoreMaintenance();
  }

  /** The spec and transport of one configured instance; empty (with a machine problem) when it cannot run here. */
  private Optional<Built> build(InstanceConfig instance, Extensions extensions, List<String> machineProblems) {
    InetAddress source = primaryAddress(instance, machineProblems);
    if (source == null) {
      return Optional.empty();
    }
    checkConflicts(instance, source, machineProblems);
    AdvertTransport transport = extensions.transport(instance, source);
    return Optional.of(new Built(InstanceSpecs.of(instance, source), transport));
  }

  /**
   * A runner for a check. The first instance tracking a check reports its changes (so that each is one event
   * carrying the priority it led to); a change of a check no instance tracks is reported as it is.
   */
  private CheckRunner runner(CheckConfig c, HealthCheck check) {
    CheckRunner runner = new CheckRunner(vertx, c.name(), check,
        new CheckSchedule(c.interval(), c.timeout(), c.rise(), c.fall()), CheckRunner.STARTUP_GRACE);
    runner.addListener((name, old, now, result) -> {
      if (instances.stream().noneMatch(i -> tracks(i.spec(), name))) {
        notifications.untrackedCheckChanged(name, old, now, result);
      }
    });
    return runner;
  }

  private static boolean tracks(InstanceSpec spec, String check) {
    return spec.track().checks().stream().anyMatch(t -> t.name().equals(check));
  }

  /** Before any instance starts, so that one drained before a restart never sends an advert as master. */
  private void restoreMaintenance() {
    Path directory = StateDirectory.locate(config.stateDirectory(), System::getenv);
    maintenance = MaintenanceState.load(directory, instances.stream().map(VrrpInstance::name).toList());
    instances.forEach(this::keepDrainedAway);
    backend = new DaemonBackend(this, maintenance, vertx);
  }

  /** An instance in maintenance starts in FAULT, before it can send a single advert as master. */
  private void keepDrainedAway(VrrpInstance instance) {
    if (maintenance.contains(instance.name())) {
      instance.raiseFault(MaintenanceState.FAULT, maintenance.startReason());
    }
  }

  private VrrpInstance instance(Built b) {
    String interfaceName = b.spec().interfaceName();
    NeighbourAnnouncer announcer = new NeighbourAnnouncer(interfaceName);
    announcers.put(b.spec().name(), announcer);
    return new VrrpInstance(b.spec(), b.transport(), new NetlinkAddressControl(netlink, interfaceName), announcer,
        Contexts.eventLoop(vertx), notifications, System::nanoTime);
  }

  private void startAll() throws StartupException {
    List<Future<Void>> started = new ArrayList<>();
    instances.forEach(i -> started.add(i.start()));
    try {
      Future.all(started).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupException(describeStartFailure(e));
    }
    try {
      monitor = NetlinkMonitor.start(this::onNetworkEvent);
    } catch (IOException e) {
      throw new StartupException("cannot watch links over rtnetlink: " + e.getMessage());
    }
    runners.forEach(CheckRunner::start);
    startApi();
    log.info("vipd node {} running {} instance(s), {} check(s)", config.node(), instances.size(), runners.size());
  }

  private void startApi() throws StartupException {
    if (config.api().isEmpty()) {
      return;
    }
    ApiConfig apiConfig = config.api().get();
    try {
      api = ApiServer.start(vertx, apiConfig, backend).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupException(ApiServer.bindFailure(apiConfig, e));
    }
  }

  /**
   * Re-reads the configuration file this daemon was started with and applies the difference (see
   * {@link ReloadPlan}); with {@code dryRun} it only says what it would do. The new file is validated
   * first, its plugin settings (over a rescanned plugin directory) and this host's interfaces included: when
   * anything is wrong, nothing changes and every problem is returned. One reload at a time; it blocks until
   * applied, so call it off the event loops. The log tells the outcome.
   */
  public synchronized ReloadOutcome reload(boolean dryRun) {
    ReloadOutcome outcome = planAndApply(dryRun);
    ReloadLog.log(outcome);
    return outcome;
  }

  private ReloadOutcome planAndApply(boolean dryRun) {
    String file = config.source();
    VipdConfig next;
    try {
      next = new ConfigLoader().load(Path.of(file));
    } catch (ConfigException e) {
      return ReloadOutcome.refused(file, e.problems().stream().map(ConfigProblem::toString).toList());
    }
    ReloadPlan plan = ReloadPlan.between(config, next);
    if (!plan.refusals().isEmpty()) {
      return ReloadOutcome.refused(file, plan.refusals());
    }
    PluginHost host;
    try {
      host = plugins.rescan(next.pluginsDirectory());
    } catch (PluginLoadException e) {
      return ReloadOutcome.refused(file, e.problems().stream().map(p -> "plugins: " + p).toList());
    }
    Prepared prepared;
    try {
      prepared = prepare(next, plan, host);
    } catch (ConfigException | StartupException e) {
      retire(host, false);
      List<String> problems = e instanceof ConfigException c
          ? c.problems().stream().map(ConfigProblem::toString).toList()
          : ((StartupException) e).problems();
      return ReloadOutcome.refused(file, problems);
    }
    if (dryRun) {
      prepared.discard();
      retire(host, false);
      return new ReloadOutcome(file, false, plan.lines(), List.of());
    }
    apply(next, plan, prepared);
    retire(host, true);
    config = next;
    return new ReloadOutcome(file, true, plan.lines(), List.of());
  }

  /** {@link #reload} on a worker thread, for callers on an event loop. */
  public Future<ReloadOutcome> reloadInBackground(boolean dryRun) {
    return vertx.executeBlocking(() -> reload(dryRun), false);
  }

  /** Keeps a host a reload loaded (when {@code used}) or closes it; the running host stays either way. */
  private void retire(PluginHost host, boolean used) {
    if (host == plugins) {
      return;
    }
    if (used) {
      loadedByReloads.add(host);
      plugins = host;
    } else {
      host.close();
    }
  }

  /** Builds what the plan needs, touching nothing that runs; throws every problem found. */
  private Prepared prepare(VipdConfig next, ReloadPlan plan, PluginHost host)
      throws ConfigException, StartupException {
    List<String> machineProblems = new ArrayList<>();
    Extensions extensions = new Extensions(next, host, vertx, secrets);
    Prepared prepared = new Prepared(extensions.checks(), extensions.notifiers(), new LinkedHashMap<>());
    for (InstanceConfig instance : next.instances()) {
      if (ReloadPlan.is(plan.instances(), instance.name(), ReloadPlan.Change.CHANGED)) {
        changedInPlace(instance, extensions, machineProblems).ifPresent(b -> prepared.built().put(instance.name(), b));
      } else if (!ReloadPlan.is(plan.instances(), instance.name(), ReloadPlan.Change.UNCHANGED)) {
        build(instance, extensions, machineProblems).ifPresent(b -> prepared.built().put(instance.name(), b));
      }
    }
    try {
      extensions.throwIfProblems();
      if (!machineProblems.isEmpty()) {
        throw new StartupException(machineProblems);
      }
    } catch (ConfigException | StartupException e) {
      prepared.discard();
      throw e;
    }
    return prepared;
  }

  /**
   * The new spec of an instance changed in place: it keeps the advert source it runs with unless
   * {@code source-address} changed, and gets a new transport only when its transport settings or source did.
   */
  private Optional<Built> changedInPlace(InstanceConfig instance, Extensions extensions, List<String> problems) {
    VrrpInstance running = find(instance.name()).orElseThrow();
    InstanceConfig before = config.instances().stream().filter(i -> i.name().equals(instance.name()))
        .findFirst().orElseThrow();
    InetAddress source = before.sourceAddress().equals(instance.sourceAddress())
        ? running.spec().settings().primaryAddress()
        : primaryAddress(instance, problems);
    if (source == null) {
      return Optional.empty();
    }
    if (!before.vips().equals(instance.vips())) {
      checkConflicts(instance, source, problems);
    }
    AdvertTransport transport =
        ReloadPlan.needsNewTransport(before, instance) ? extensions.transport(instance, source) : null;
    return Optional.of(new Built(InstanceSpecs.of(instance, source), transport));
  }

  /**
   * Applies a prepared plan: removed and replaced instances resign first, kept ones are reloaded in place
   * (their tracking rebuilt over the new set of runners), then new runners and new instances start, and
   * retired runners stop.
   */
  private void apply(VipdConfig next, ReloadPlan plan, Prepared prepared) {
    Map<String, CheckRunner> running = new HashMap<>();
    runners.forEach(r -> running.put(r.name(), r));
    List<CheckRunner> nextRunners = new ArrayList<>();
    List<CheckRunner> newRunners = new ArrayList<>();
    prepared.checks().forEach((name, check) -> {
      if (ReloadPlan.is(plan.checks(), name, ReloadPlan.Change.UNCHANGED)) {
        nextRunners.add(running.get(name));
        closeQuietly(name, check);
      } else {
        CheckRunner runner = runner(next.checks().get(name), check);
        nextRunners.add(runner);
        newRunners.add(runner);
      }
    });
    notifications.reload(next, prepared.notifiers(), ReloadPlan.unchanged(plan.notifiers()), NOTIFIER_CLOSE_BUDGET);

    List<Future<Void>> resigned = new ArrayList<>();
    for (ReloadPlan.Item item : plan.instances()) {
      if (item.change() == ReloadPlan.Change.REMOVED || item.change() == ReloadPlan.Change.REPLACED) {
        VrrpInstance old = find(item.name()).orElseThrow();
        resigned.add(old.stop().onComplete(ar -> {
          NeighbourAnnouncer announcer = announcers.remove(old.name());
          if (announcer != null) {
            announcer.close();
          }
        }));
      }
    }
    awaitAll(resigned, "resign the removed and replaced instances");

    Map<String, String> reporterOf = reporters(next);
    List<VrrpInstance> nextInstances = new ArrayList<>();
    List<VrrpInstance> newInstances = new ArrayList<>();
    List<Future<Void>> reloaded = new ArrayList<>();
    for (InstanceConfig instanceConfig : next.instances()) {
      String name = instanceConfig.name();
      Set<String> reported = new HashSet<>();
      reporterOf.forEach((check, instance) -> {
        if (instance.equals(name)) {
          reported.add(check);
        }
      });
      Built built = prepared.built().get(name);
      if (ReloadPlan.is(plan.instances(), name, ReloadPlan.Change.UNCHANGED)
          || ReloadPlan.is(plan.instances(), name, ReloadPlan.Change.CHANGED)) {
        VrrpInstance kept = find(name).orElseThrow();
        reloaded.add(kept.reload(built == null ? kept.spec() : built.spec(), built == null ? null : built.transport(),
            nextRunners, reported));
        nextInstances.add(kept);
      } else {
        VrrpInstance created = instance(built);
        nextRunners.forEach(r -> created.track(r, reported.contains(r.name())));
        keepDrainedAway(created); // a replaced instance stays drained
        nextInstances.add(created);
        newInstances.add(created);
      }
    }
    awaitAll(reloaded, "reload the kept instances");
    List<CheckRunner> retired = runners.stream().filter(r -> !nextRunners.contains(r)).toList();
    instances = List.copyOf(nextInstances);
    runners = List.copyOf(nextRunners);
    newRunners.forEach(CheckRunner::start);
    newInstances.forEach(VrrpInstance::start);
    retired.forEach(CheckRunner::stop);
    reloadApi(next);
  }

  /** Which instance reports each tracked check's changes: the first, in configuration order, that tracks it. */
  private static Map<String, String> reporters(VipdConfig config) {
    Map<String, String> reporters = new HashMap<>();
    for (InstanceConfig instance : config.instances()) {
      instance.track().checks().forEach(t -> reporters.putIfAbsent(t.name(), instance.name()));
    }
    return reporters;
  }

  /**
   * A changed token takes effect at once; a changed address gets a new listener, and the old one closes a
   * moment later, so the answer to a {@code POST /reload} that came through it still goes out.
   */
  private void reloadApi(VipdConfig next) {
    Optional<ApiConfig> before = config.api();
    Optional<ApiConfig> after = next.api();
    if (before.equals(after)) {
      return;
    }
    ApiServer old = api;
    if (old != null && after.isPresent() && before.get().host().equals(after.get().host())
        && before.get().port() == after.get().port()) {
      old.useToken(after.get().token());
      return;
    }
    api = null;
    if (after.isPresent()) {
      try {
        api = ApiServer.start(vertx, after.get(), backend).await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.error("reload: {}", ApiServer.bindFailure(after.get(), e));
      }
    }
    if (old != null) {
      vertx.setTimer(API_HANDOVER.toMillis(), t -> old.close());
    }
  }

  private Optional<VrrpInstance> find(String name) {
    return instances.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  private static void awaitAll(List<Future<Void>> futures, String what) {
    try {
      Future.all(futures).await(RELOAD_STEP_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("reload: could not {} within {} ms: {}", what, RELOAD_STEP_BUDGET.toMillis(), e.toString());
    }
  }

  private static void closeQuietly(String name, HealthCheck check) {
    try {
      check.close();
    } catch (RuntimeException e) {
      log.debug("check {}: closing an unused copy failed: {}", name, e.toString());
    }
  }

  /** How long a reload waits for one of its steps (instances resigning, reloading in place). */
  private static final Duration RELOAD_STEP_BUDGET = Duration.ofSeconds(5);
  /** How long a notifier a reload removed may deliver what it has queued. */
  private static final Duration NOTIFIER_CLOSE_BUDGET = Duration.ofSeconds(5);
  /** How long an API listener a reload replaced stays open. */
  private static final Duration API_HANDOVER = Duration.ofSeconds(1);

  /** What a reload built before touching anything: fresh checks and notifiers, new specs and transports. */
  private record Prepared(Map<String, HealthCheck> checks, Map<String, Notifier> notifiers, Map<String, Built> built) {
    /** A refused or dry-run reload drops what it built. */
    void discard() {
      checks.forEach(Daemon::closeQuietly);
      notifiers.values().forEach(Notifications::closeUnused);
    }
  }

  private void onNetworkEvent(NetworkEvent event) {
    instances.forEach(instance -> instance.networkChanged(event));
  }

  /**
   * Resigns every instance (priority-0 adverts, VIPs removed), then releases everything, all within
   * {@code budget} as far as the instances go.
   */
  public void stop(Duration budget) {
    ApiServer listening = api;
    if (listening != null) {
      listening.close();
    }
    List<Future<Void>> stopped = new ArrayList<>();
    instances.forEach(i -> stopped.add(i.stop()));
    try {
      Future.all(stopped).await(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("not every instance resigned within {} ms: {}", budget.toMillis(), e.toString());
    }
    if (monitor != null) {
      monitor.close();
    }
    runners.forEach(CheckRunner::stop);
    if (notifications != null) {
      try {
        notifications.close(Duration.ofMillis(300)).await(500, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        log.warn("notifiers did not close in time: {}", e.toString());
      }
    }
    announcers.values().forEach(NeighbourAnnouncer::close);
    loadedByReloads.forEach(PluginHost::close);
    netlink.close();
    // Wait for the event loops to end: at exit HotSpot waits up to ~300 ms for threads still in native
    // code (a selector's epoll_wait), which would make every SIGTERM exit that much slower.
    try {
      vertx.close().await(VERTX_CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("Vert.x did not close within {} ms: {}", VERTX_CLOSE_BUDGET.toMillis(), e.toString());
    }
  }

  /** How long {@link #stop} waits for Vert.x's threads to end. */
  private static final Duration VERTX_CLOSE_BUDGET = Duration.ofMillis(500);

  private InetAddress primaryAddress(InstanceConfig instance, List<String> problems) {
    String where = "instance " + instance.name() + ": ";
    try {
      Interfaces.index(instance.interfaceName());
    } catch (NativeIoException e) {
      problems.add(where + "interface '" + instance.interfaceName() + "' does not exist on this host");
      return null;
    }
    if (instance.sourceAddress().isPresent()) {
      return instance.sourceAddress().get();
    }
    try {
      return Interfaces.primaryAddress(netlink, instance.interfaceName(), instance.ipv6());
    } catch (IOException e) {
      problems.add(where + "no " + (instance.ipv6() ? "IPv6 link-local" : "IPv4") + " address on "
          + instance.interfaceName() + " to send adverts from (" + e.getMessage() + "); set source-address");
      return null;
    }
  }

  /**
   * A VIP that is one of the host's own addresses would be removed by a backup: refuse it. A VIP that a
   * crashed run left behind is not the host's own: the instance removes it when it starts.
   */
  private void checkConflicts(InstanceConfig instance, InetAddress source, List<String> problems) {
    if (instance.priority() == VrrpConstants.OWNER_PRIORITY) {
      return;
    }
    try {
      for (AssignedAddress assigned : netlink.listAddresses(instance.interfaceName())) {
        for (VipConfig vip : instance.vips()) {
          if (!assigned.address().equals(vip.address())) {
            continue;
          }
          HostOwnedAddress.why(vip, assigned, source, instance.sourceAddress().isPresent()).ifPresent(why ->
              problems.add("instance " + instance.name() + ": address conflict: " + vip.address().getHostAddress()
                  + " is the host's own address on " + instance.interfaceName() + " (" + why
                  + "); a backup would remove it. Use another VIP, or priority 255 if this host owns it"));
        }
      }
    } catch (IOException e) {
      problems.add("instance " + instance.name() + ": cannot list addresses of " + instance.interfaceName()
          + ": " + e.getMessage());
    }
  }

  private static Rtnetlink openNetlink() throws StartupException {
    try {
      return Rtnetlink.open();
    } catch (IOException e) {
      throw new StartupException("cannot open rtnetlink: " + e.getMessage());
    }
  }

  private static String describeStartFailure(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return "starting the instances failed: " + cause.getMessage();
  }

  private record Built(InstanceSpec spec, AdvertTransport transport) {}
}
