package io.vipd.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.config.CheckConfig;
import io.vipd.config.ReloadOutcome;
import io.vipd.http.ApiBackend;
import io.vipd.http.CheckState;
import io.vipd.http.DaemonStatus;
import io.vipd.http.InstanceStatus;
import io.vipd.instance.VrrpInstance;
import io.vipd.track.CheckRunner;
import io.vipd.vrrp.VrrpState;
import io.vipd.vrrp.VrrpTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The API's view of a running {@link Daemon}: snapshots its parts and forwards control requests. */
final class DaemonBackend implements ApiBackend {
  private final Daemon daemon;
  private final MaintenanceState maintenance;
  private final Vertx vertx;
  private final long startedNanos = System.nanoTime();

  DaemonBackend(Daemon daemon, MaintenanceState maintenance, Vertx vertx) {
    this.daemon = daemon;
    this.maintenance = maintenance;
    this.vertx = vertx;
  }

  @Override
  public DaemonStatus status() {
    List<InstanceStatus> instances = new ArrayList<>();
    daemon.instances().forEach(i -> instances.add(instance(i)));
    List<CheckState> checks = new ArrayList<>();
    for (CheckRunner runner : daemon.checks()) {
      CheckConfig config = daemon.config().checks().get(runner.name());
      CheckResult last = runner.lastResult();
      checks.add(new CheckState(runner.name(), config == null ? "" : config.type(), runner.status(),
          last == null ? "" : last.message(), Optional.ofNullable(last).map(CheckResult::latency)));
    }
    return new DaemonStatus(daemon.config().node(), version(), Duration.ofNanos(System.nanoTime() - startedNanos),
        instances, checks, daemon.notifierStats());
  }

  @Override
  public boolean hasInstance(String name) {
    return find(name).isPresent();
  }

  @Override
  public Future<Boolean> setMaintenance(String name, boolean enabled) {
    VrrpInstance instance = find(name).orElseThrow();
    if (enabled) {
      instance.raiseFault(MaintenanceState.FAULT, MaintenanceState.FAULT);
    } else {
      instance.clearFault(MaintenanceState.FAULT);
    }
    return vertx.executeBlocking(() -> maintenance.set(name, enabled));
  }

  @Override
  public Future<Boolean> failover(String name) {
    return find(name).orElseThrow().handOver();
  }

  @Override
  public Future<ReloadOutcome> reload(boolean dryRun) {
    return daemon.reloadInBackground(dryRun);
  }

  private InstanceStatus instance(VrrpInstance i) {
    var settings = i.spec().settings();
    VrrpState state = i.state();
    Optional<String> master = state == VrrpState.MASTER
        ? Optional.of(settings.primaryAddress().getHostAddress())
        : i.currentMaster().map(a -> a.getHostAddress());
    return new InstanceStatus(i.name(), i.spec().interfaceName(), settings.vrid(), settings.version(), state,
        settings.priority(), i.effectivePriority(), master, i.faultReason(), maintenance.contains(i.name()),
        i.spec().addresses().stream().map(v -> v.cidr()).toList(),
        VrrpTimers.centis(settings.advertIntervalCentis()), i.advertsSent(), i.lateAdverts(), i.advertsReceived(),
        i.drops().snapshot(), i.transportDescription(), i.transportDropCounts(), i.transitions().snapshot());
  }

  private Optional<VrrpInstance> find(String name) {
    return daemon.instances().stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The jar's Implementation-Version, {@code dev} when run from classes. */
  static String version() {
    String version = DaemonBackend.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
