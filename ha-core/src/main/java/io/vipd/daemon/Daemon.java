package io.vipd.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.AdvertTransport;
import io.vipd.api.HealthCheck;
import io.vipd.api.Notifier;
import io.vipd.api.SecretResolver;
import io.vipd.config.ApiConfig;
import io.vipd.config.ConfigException;
import io.vipd.config.InstanceConfig;
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
import io.vipd.track.CheckRunner;
import io.vipd.track.CheckSchedule;
import io.vipd.transport.MulticastTransportFactory;
import io.vipd.transport.UnicastTransportFactory;
import io.vipd.vertx.Contexts;
import io.vipd.vrrp.VrrpConstants;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private final VipdConfig config;
  private final Vertx vertx;
  private final PluginHost plugins;
  private final Rtnetlink netlink;
  private final List<VrrpInstance> instances = new ArrayList<>();
  private final List<NeighbourAnnouncer> announcers = new ArrayList<>();
  private final List<CheckRunner> runners = new ArrayList<>();
  private Notifications notifications;
  private NetlinkMonitor monitor;
  private ApiServer api;

  private Daemon(VipdConfig config, Vertx vertx, PluginHost plugins, Rtnetlink netlink) {
    this.config = config;
    this.vertx = vertx;
    this.plugins = plugins;
    this.netlink = netlink;
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
      daemon = new Daemon(config, vertx, plugins, netlink);
      daemon.build(secrets);
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
    return List.copyOf(instances);
  }

  public VipdConfig config() {
    return config;
  }

  /** The health checks' runners, in configuration order. */
  public List<CheckRunner> checks() {
    return List.copyOf(runners);
  }

  /** Every notifier's delivery counters. */
  public List<NotifierStats> notifierStats() {
    return notifications == null ? List.of() : notifications.stats();
  }

  private void build(SecretResolver secrets) throws ConfigException, StartupException {
    List<String> machineProblems = new ArrayList<>();
    Extensions extensions = new Extensions(config, plugins, vertx, secrets);
    Map<String, HealthCheck> checks = extensions.checks();
    Map<String, Notifier> notifiers = extensions.notifiers();
    List<Built> built = new ArrayList<>();
    for (InstanceConfig instance : config.instances()) {
      InetAddress source = primaryAddress(instance, machineProblems);
      if (source == null) {
        continue;
      }
      checkConflicts(instance, source, machineProblems);
      AdvertTransport transport = extensions.transport(instance, source);
      built.add(new Built(InstanceSpecs.of(instance, source), transport));
    }
    extensions.throwIfProblems();
    if (!machineProblems.isEmpty()) {
      throw new StartupException(machineProblems);
    }
    notifications = new Notifications(config, vertx, notifiers);
    for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
      var c = config.checks().get(check.getKey());
      runners.add(new CheckRunner(vertx, check.getKey(), check.getValue(),
          new CheckSchedule(c.interval(), c.timeout(), c.rise(), c.fall()), CheckRunner.STARTUP_GRACE));
    }
    for (Built b : built) {
      instances.add(instance(b));
    }
    runners.forEach(this::connect);
  }

  private VrrpInstance instance(Built b) {
    String interfaceName = b.spec().interfaceName();
    NeighbourAnnouncer announcer = new NeighbourAnnouncer(interfaceName);
    announcers.add(announcer);
    return new VrrpInstance(b.spec(), b.transport(), new NetlinkAddressControl(netlink, interfaceName), announcer,
        Contexts.eventLoop(vertx), notifications, System::nanoTime);
  }

  /**
   * Gives the runner to every instance that tracks it; the first of them reports its changes, so that each
   * change is one event carrying the priority it led to. A check nobody tracks is reported as it is.
   */
  private void connect(CheckRunner runner) {
    boolean reported = false;
    for (VrrpInstance instance : instances) {
      if (instance.track(runner, !reported)) {
        reported = true;
      }
    }
    if (!reported) {
      runner.addListener(notifications::untrackedCheckChanged);
    }
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
      api = ApiServer.start(vertx, apiConfig, new DaemonBackend(this)).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupException(ApiServer.bindFailure(apiConfig, e));
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
    if (api != null) {
      api.close();
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
    announcers.forEach(NeighbourAnnouncer::close);
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
