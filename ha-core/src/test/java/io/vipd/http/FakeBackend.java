package io.vipd.http;

import io.vertx.core.Future;
import io.vipd.config.ReloadOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend with one instance, {@code vi_1}, that records the control requests it receives. */
final class FakeBackend implements ApiBackend {
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile boolean master = true;

  @Override
  public DaemonStatus status() {
    return StatusFixtures.sample();
  }

  @Override
  public boolean hasInstance(String name) {
    return name.equals("vi_1");
  }

  @Override
  public void setMaintenance(String instance, boolean enabled) {
    requests.add("maintenance " + instance + " " + enabled);
  }

  @Override
  public Future<Boolean> failover(String instance) {
    requests.add("failover " + instance);
    return Future.succeededFuture(master);
  }

  /** What {@link #reload} answers. */
  ReloadOutcome reloadOutcome = new ReloadOutcome("/etc/vipd/vipd.yaml", true, List.of("instance web: unchanged"),
      List.of());

  @Override
  public Future<ReloadOutcome> reload(boolean dryRun) {
    requests.add("reload" + (dryRun ? " dry-run" : ""));
    return Future.succeededFuture(reloadOutcome);
  }
}
