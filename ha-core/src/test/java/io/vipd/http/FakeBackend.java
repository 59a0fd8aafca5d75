package io.vipd.http;

import io.vertx.core.Future;
import io.vipd.config.ReloadOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A daemon behind a real {@link ApiServer} for tests: answers {@code status} with a fixed snapshot (by
 * default {@link StatusFixtures#sample()}, one instance {@code vi_1}), knows the instances it lists, and
 * records the control requests it receives.
 */
public final class FakeBackend implements ApiBackend {
  public final List<String> requests = new CopyOnWriteArrayList<>();
  /** Whether a failover finds the instance master. */
  public volatile boolean master = true;
  /** Whether a maintenance change is saved. */
  public volatile boolean persisting = true;
  private final DaemonStatus status;

  public FakeBackend() {
    this(StatusFixtures.sample());
  }

  public FakeBackend(DaemonStatus status) {
    this.status = status;
  }

  @Override
  public DaemonStatus status() {
    return status;
  }

  @Override
  public boolean hasInstance(String name) {
    return status.instances().stream().anyMatch(i -> i.name().equals(name));
  }

  @Override
  public Future<Boolean> setMaintenance(String instance, boolean enabled) {
    requests.add("maintenance " + instance + " " + enabled);
    return Future.succeededFuture(persisting);
  }

  @Override
  public Future<Boolean> failover(String instance) {
    requests.add("failover " + instance);
    return Future.succeededFuture(master);
  }

  /** What {@link #reload} answers. */
  public volatile ReloadOutcome reloadOutcome = new ReloadOutcome("/etc/vipd/vipd.yaml", true, List.of("instance web: unchanged"),
      List.of());

  @Override
  public Future<ReloadOutcome> reload(boolean dryRun) {
    requests.add("reload" + (dryRun ? " dry-run" : ""));
    return Future.succeededFuture(reloadOutcome);
  }
}
