package io.vipd.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.notify.NotifierStats;
import io.vipd.vrrp.DropReason;
import io.vipd.vrrp.VrrpState;
import java.time.Duration;
import java.util.Map;

/**
 * Renders a {@link DaemonStatus} as the {@code GET /status} JSON document. Keys are snake_case like the
 * notifier events; durations are seconds as numbers; zero drop counters are left out to keep it short
 * (the metrics carry them all).
 */
public final class StatusJson {
  private StatusJson() {}

  public static JsonObject render(DaemonStatus status) {
    JsonArray instances = new JsonArray();
    status.instances().forEach(i -> instances.add(instance(i)));
    JsonArray checks = new JsonArray();
    status.checks().forEach(c -> checks.add(check(c)));
    JsonArray notifiers = new JsonArray();
    status.notifiers().forEach(n -> notifiers.add(notifier(n)));
    return new JsonObject()
        .put("node", status.node())
        .put("version", status.version())
        .put("uptime_seconds", seconds(status.uptime()))
        .put("instances", instances)
        .put("checks", checks)
        .put("notifiers", notifiers);
  }

  private static JsonObject instance(InstanceStatus i) {
    JsonObject drops = new JsonObject();
    for (Map.Entry<DropReason, Long> drop : i.drops().entrySet()) {
      if (drop.getValue() > 0) {
        drops.put(drop.getKey().label(), drop.getValue());
      }
    }
    JsonObject transitions = new JsonObject();
    for (Map.Entry<VrrpState, Long> t : i.transitions().entrySet()) {
      if (t.getValue() > 0) {
        transitions.put(t.getKey().name(), t.getValue());
      }
    }
    return new JsonObject()
        .put("name", i.name())
        .put("interface", i.interfaceName())
        .put("vrid", i.vrid())
        .put("version", i.version())
        .put("state", i.state().name())
        .put("priority", new JsonObject().put("base", i.basePriority()).put("effective", i.effectivePriority()))
        .put("master", i.master().orElse(null))
        .put("fault", i.fault().orElse(null))
        .put("maintenance", i.maintenance())
        .put("vips", new JsonArray(i.vips()))
        .put("advert_interval_seconds", seconds(i.advertInterval()))
        .put("adverts_sent", i.advertsSent())
        .put("adverts_late", i.advertsLate())
        .put("adverts_received", i.advertsReceived())
        .put("drops", drops)
        .put("transport", new JsonObject()
            .put("description", i.transport())
            .put("drops", counts(i.transportDrops())))
        .put("transitions", transitions);
  }

  private static JsonObject check(CheckState c) {
    return new JsonObject()
        .put("name", c.name())
        .put("type", c.type())
        .put("status", c.status().name())
        .put("message", c.message())
        .put("latency_seconds", c.latency().map(StatusJson::seconds).orElse(null));
  }

  private static JsonObject notifier(NotifierStats n) {
    return new JsonObject()
        .put("name", n.name())
        .put("delivered", n.delivered())
        .put("failed_attempts", n.failedAttempts())
        .put("dropped", new JsonObject()
            .put("overflow", n.droppedOverflow())
            .put("after_retries", n.droppedAfterRetries())
            .put("rejected", n.droppedRejected())
            .put("at_close", n.droppedAtClose()))
        .put("queue_depth", n.queueDepth())
        .put("failing", n.failing());
  }

  private static JsonObject counts(Map<String, Long> counts) {
    JsonObject json = new JsonObject();
    counts.forEach(json::put);
    return json;
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
