package io.vipd.http;

import io.vipd.notify.NotifierStats;
import java.time.Duration;
import java.util.List;

/**
 * One consistent-enough snapshot of the running daemon, rendered by {@link StatusJson} for
 * {@code GET /status} and by {@link PrometheusText} for {@code GET /metrics}.
 *
 * @param node this node's name
 * @param version the vipd version ({@code dev} when run from classes)
 * @param uptime time since the daemon started
 * @param instances every VRRP instance, in configuration order
 * @param checks every health check, in configuration order
 * @param notifiers every notifier's delivery counters
 */
public record DaemonStatus(
    String node,
    String version,
    Duration uptime,
    List<InstanceStatus> instances,
    List<CheckState> checks,
    List<NotifierStats> notifiers) {

  public DaemonStatus {
    instances = List.copyOf(instances);
    checks = List.copyOf(checks);
    notifiers = List.copyOf(notifiers);
  }
}
