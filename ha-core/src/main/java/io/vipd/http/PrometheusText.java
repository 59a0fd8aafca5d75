package io.vipd.http;

import io.vipd.api.CheckStatus;
import io.vipd.notify.NotifierStats;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpState;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Renders a {@link DaemonStatus} as the {@code GET /metrics} document (Prometheus text format 0.0.4).
 * State-like metrics are one gauge per possible value, 1 for the current one, so that
 * {@code vipd_instance_state{state="MASTER"} == 1} is a query; every counter label value that can
 * exist is exported from the start (zeros included) so that {@code rate()} sees the first increment.
 */
public final class PrometheusText {
  private PrometheusText() {}

  public static String render(DaemonStatus status) {
    PrometheusWriter w = new PrometheusWriter();
    w.family("vipd_info", "gauge", "Always 1; the labels name this node and the vipd version.")
        .sample("vipd_info", 1, "node", status.node(), "version", status.version());
    w.family("vipd_uptime_seconds", "gauge", "Seconds since the daemon started.")
        .sample("vipd_uptime_seconds", StatusJson.seconds(status.uptime()));
    instances(w, status);
    checks(w, status);
    notifiers(w, status);
    return w.toString();
  }

  private static void instances(PrometheusWriter w, DaemonStatus status) {
    w.family("vipd_instance_state", "gauge", "1 for the state the VRRP instance is in, 0 for the others.");
    for (InstanceStatus i : status.instances()) {
      for (VrrpState state : VrrpState.values()) {
        w.sample("vipd_instance_state", i.state() == state ? 1 : 0, "instance", i.name(), "state", state.name());
      }
    }
    w.family("vipd_instance_priority", "gauge",
        "VRRP priority: kind=base is the configured one, kind=effective the advertised one after tracking.");
    for (InstanceStatus i : status.instances()) {
      w.sample("vipd_instance_priority", i.basePriority(), "instance", i.name(), "kind", "base");
      w.sample("vipd_instance_priority", i.effectivePriority(), "instance", i.name(), "kind", "effective");
    }
    w.family("vipd_adverts_sent_total", "counter", "VRRP adverts sent.");
    status.instances().forEach(i -> w.sample("vipd_adverts_sent_total", i.advertsSent(), "instance", i.name()));
    w.family("vipd_adverts_late_total", "counter", "VRRP adverts sent more than half an interval late.");
    status.instances().forEach(i -> w.sample("vipd_adverts_late_total", i.advertsLate(), "instance", i.name()));
    w.family("vipd_adverts_received_total", "counter", "Valid VRRP adverts received.");
    status.instances().forEach(i ->
        w.sample("vipd_adverts_received_total", i.advertsReceived(), "instance", i.name()));
    w.family("vipd_packets_dropped_total", "counter", "Received VRRP packets the instance ignored, by reason.");
    for (InstanceStatus i : status.instances()) {
      for (Map.Entry<DropReason, Long> drop : i.drops().entrySet()) {
        w.sample("vipd_packets_dropped_total", drop.getValue(), "instance", i.name(), "reason", drop.getKey().label());
      }
    }
    w.family("vipd_transport_dropped_total", "counter",
        "Packets the advert transport dropped itself (authentication, replay), by reason.");
    for (InstanceStatus i : status.instances()) {
      i.transportDrops().forEach((reason, count) ->
          w.sample("vipd_transport_dropped_total", count, "instance", i.name(), "reason", reason));
    }
    w.family("vipd_transitions_total", "counter", "State changes of the VRRP instance, by the state entered.");
    for (InstanceStatus i : status.instances()) {
      for (Map.Entry<VrrpState, Long> t : i.transitions().entrySet()) {
        w.sample("vipd_transitions_total", t.getValue(), "instance", i.name(), "to", t.getKey().name());
      }
    }
  }

  private static void checks(PrometheusWriter w, DaemonStatus status) {
    w.family("vipd_check_status", "gauge", "1 for the stable status the health check is in, 0 for the others.");
    for (CheckState c : status.checks()) {
      for (CheckStatus s : CheckStatus.values()) {
        w.sample("vipd_check_status", c.status() == s ? 1 : 0, "check", c.name(), "status", s.name());
      }
    }
    w.family("vipd_check_latency_seconds", "gauge", "How long the latest probe of the health check took.");
    for (CheckState c : status.checks()) {
      c.latency().ifPresent(l -> w.sample("vipd_check_latency_seconds", StatusJson.seconds(l), "check", c.name()));
    }
  }

  private static void notifiers(PrometheusWriter w, DaemonStatus status) {
    counter(w, status, "vipd_notifier_delivered_total", "Events the notifier accepted.", NotifierStats::delivered);
    counter(w, status, "vipd_notifier_failed_attempts_total", "Delivery attempts that failed (each retry counts).",
        NotifierStats::failedAttempts);
    w.family("vipd_notifier_dropped_total", "counter",
        "Events given up: overflow (queue full), retries (last attempt failed), rejected (refused for good),"
            + " close (still queued at shutdown).");
    for (NotifierStats n : status.notifiers()) {
      w.sample("vipd_notifier_dropped_total", n.droppedOverflow(), "notifier", n.name(), "reason", "overflow");
      w.sample("vipd_notifier_dropped_total", n.droppedAfterRetries(), "notifier", n.name(), "reason", "retries");
      w.sample("vipd_notifier_dropped_total", n.droppedRejected(), "notifier", n.name(), "reason", "rejected");
      w.sample("vipd_notifier_dropped_total", n.droppedAtClose(), "notifier", n.name(), "reason", "close");
    }
    w.family("vipd_notifier_queue_depth", "gauge", "Events waiting to be delivered, not counting the one in flight.");
    status.notifiers().forEach(n -> w.sample("vipd_notifier_queue_depth", n.queueDepth(), "notifier", n.name()));
    w.family("vipd_notifier_failing", "gauge", "1 while the notifier's last delivery attempt failed.");
    status.notifiers().forEach(n -> w.sample("vipd_notifier_failing", n.failing() ? 1 : 0, "notifier", n.name()));
  }

  private static void counter(PrometheusWriter w, DaemonStatus status, String name, String help,
      ToLongFunction<NotifierStats> value) {
    w.family(name, "counter", help);
    status.notifiers().forEach(n -> w.sample(name, value.applyAsLong(n), "notifier", n.name()));
  }
}
