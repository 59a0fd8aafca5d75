package io.vipd.http;

import io.vertx.core.Future;
import io.vipd.config.ReloadOutcome;

/** What the HTTP API reads and controls; the daemon implements it (daemon/DaemonBackend), tests use their own. */
public interface ApiBackend {

  /** A fresh snapshot; called on the HTTP server's event loop, so it must not block. */
  DaemonStatus status();

  /** Whether an instance of that name runs. */
  boolean hasInstance(String name);

  /**
   * Puts the instance into FAULT for maintenance (it gives up its VIPs), or takes it out again, at once;
   * completes with whether the change was also saved to survive a restart.
   */
  Future<Boolean> setMaintenance(String instance, boolean enabled);

  /** Hands the instance's mastership to a backup; completes with false when it was not master. */
  Future<Boolean> failover(String instance);

  /**
   * Re-reads the daemon's configuration file and applies the difference, or with {@code dryRun} only plans
   * it; never fails for a bad file (the outcome lists the problems).
   */
  Future<ReloadOutcome> reload(boolean dryRun);
}
