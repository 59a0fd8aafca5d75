package io.vipd.daemon;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
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
import io.vipd.instance.StateListener;
import io.vipd.instance.VrrpInstance;
import io.vipd.net.AssignedAddress;
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
import io.vipd.track.TrackListener;
import io.vipd.track.TrackedCheck;
import io.vipd.track.Tracker;
import io.vipd.transport.MulticastTransportFactory;
import io.vipd.transport.UnicastTransportFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: every configured VRRP instance with its transport, addresses, announcer and
 * tracker, the check runners, the link monitor and the plugins, on one Vert.x instance.
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
  private final List<StateListener> stateListeners = new ArrayList<>();
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

  /** Adds a hook called on every state change (after logging), on the instance's context. */
  public void addStateListener(StateListener listener) {
    stateListeners.add(listener);
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
      checkConflicts(instance, machineProblems);
      AdvertTransport transport = extensions.transport(instance, source);
      built.add(new Built(instance, InstanceSpecs.of(instance, source), transport));
    }
    extensions.throwIfProblems();
    if (!machineProblems.isEmpty()) {
      throw new StartupException(machineProblems);
    }
    notifications = new Notifications(config, vertx, notifiers);
    stateListeners.add(notifications::stateChanged);
    for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
      var c = config.checks().get(check.getKey());
      CheckRunner runner = new CheckRunner(vertx, check.getKey(), check.getValue(),
          new CheckSchedule(c.interval(), c.timeout(), c.rise(), c.fall()), CheckRunner.STARTUP_GRACE);
      runner.addListener((name, old, now, result) -> {
        log.info("check {}: {} -> {}{}", name, old, now, result.message().isEmpty() ? "" : " (" + result.message() + ")");
        notifications.checkChanged(name, now, result, effectivePriorityTracking(name));
      });
      runners.add(runner);
    }
    for (Built b : built) {
      instances.add(instance(b));
    }
  }

  private VrrpInstance instance(Built b) {
    Context context = ((VertxInternal) vertx).createEventLoopContext();
    NeighbourAnnouncer announcer = new NeighbourAnnouncer(b.config().interfaceName());
    announcers.add(announcer);
    VrrpInstance instance = new VrrpInstance(b.spec(), b.transport(),
        new NetlinkAddressControl(netlink, b.config().interfaceName()), announcer, context,
        (i, change) -> stateListeners.forEach(l -> l.stateChanged(i, change)), System::nanoTime);
    List<TrackedCheck> tracked = b.config().track().checks();
    if (!tracked.isEmpty()) {
      Tracker tracker = new Tracker(context, b.config().priority(), tracked, new TrackListener() {
        @Override
        public void priorityChanged(int effective) {
          instance.setEffectivePriority(effective);
        }

        @Override
        public void faultChanged(boolean fault, String reason) {
          if (fault) {
            instance.raiseFault("checks", reason);
          } else {
            instance.clearFault("checks");
          }
        }
      });
      runners.forEach(tracker::attach);
    }
    return instance;
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
    if (event instanceof NetworkEvent.LinkChanged link) {
      for (VrrpInstance instance : instances) {
        if (tracksLink(instance, link.interfaceName())) {
          String source = "link " + link.interfaceName();
          if (link.up()) {
            instance.clearFault(source);
          } else {
            instance.raiseFault(source, source + " down");
          }
        }
      }
    } else if (event instanceof NetworkEvent.AddressRemoved removed) {
      for (VrrpInstance instance : instances) {
        if (instance.spec().interfaceName().equals(removed.interfaceName())) {
          instance.addressRemoved(removed.address());
        }
      }
    }
  }

  private int effectivePriorityTracking(String check) {
    for (VrrpInstance instance : instances) {
      boolean tracks = config.instances().stream()
          .filter(c -> c.name().equals(instance.name()))
          .anyMatch(c -> c.track().checks().stream().anyMatch(t -> t.name().equals(check)));
      if (tracks) {
        return instance.effectivePriority();
      }
    }
    return 0;
  }

  private boolean tracksLink(VrrpInstance instance, String interfaceName) {
    if (instance.spec().interfaceName().equals(interfaceName)) {
      return true;
    }
    return config.instances().stream()
        .filter(c -> c.name().equals(instance.name()))
        .anyMatch(c -> c.track().interfaces().contains(interfaceName));
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

  /** A VIP that is the interface's own primary address would be removed by a backup: refuse it. */
  private void checkConflicts(InstanceConfig instance, List<String> problems) {
    if (instance.priority() == 255) {
      return;
    }
    try {
      for (AssignedAddress assigned : netlink.listAddresses(instance.interfaceName())) {
        for (VipConfig vip : instance.vips()) {
          if (!assigned.secondary() && assigned.address().equals(vip.address())
              && !(vip.ipv6() && assigned.prefixLength() == vip.prefixLength())) {
            problems.add("instance " + instance.name() + ": address conflict: " + vip.address().getHostAddress()
                + " is a primary address of " + instance.interfaceName()
                + "; a backup would remove it. Use another VIP, or priority 255 if this host owns it");
          }
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
    String message = String.valueOf(cause.getMessage());
    if (message.contains("EPERM") || message.contains("Operation not permitted")) {
      return "cannot open raw sockets: " + message
          + ". vipd needs CAP_NET_RAW and CAP_NET_ADMIN: run it as root or grant them"
          + " (systemd AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW, or setcap on the java binary)";
    }
    return "starting the instances failed: " + message;
  }

  private record Built(InstanceConfig config, InstanceSpec spec, AdvertTransport transport) {}
}
