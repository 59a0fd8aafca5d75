package io.vipd.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a notifier may want to hear about: an instance changed state, or a check changed status.
 *
 * @param sequence per-node monotonic sequence number; a gap tells the receiver that events were dropped
 * @param timestamp when it happened (UTC)
 * @param node the node name from the configuration
 * @param kind {@link Kind#STATE_CHANGE} or {@link Kind#CHECK_CHANGE}
 * @param instance the VRRP instance name (for a check change: the first instance tracking it, or empty)
 * @param vrid the instance's virtual router id (0 for a check change not tied to an instance)
 * @param from the previous state (state changes), else null
 * @param to the new state (state changes), else null
 * @param reason a human reason: {@code master-down timer expired},
 *     {@code check mysql-local DOWN: connection refused}, {@code higher-priority advert from 10.0.0.2},
 *     {@code shutdown}, {@code maintenance}
 * @param basePriority the configured priority
 * @param effectivePriority the priority after tracking
 * @param vips the instance's virtual addresses with prefix ({@code 10.0.0.100/24})
 * @param check the check name (check changes), else null
 * @param checkStatus the check's new status (check changes), else null
 */
public record HaEvent(
    long sequence,
    Instant timestamp,
    String node,
    Kind kind,
    String instance,
    int vrid,
    HaState from,
    HaState to,
    String reason,
    int basePriority,
    int effectivePriority,
    List<String> vips,
    String check,
    CheckStatus checkStatus) {

  /** What an event is about. */
  public enum Kind {
    STATE_CHANGE,
    CHECK_CHANGE
  }

  public HaEvent {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(kind, "kind");
    instance = instance == null ? "" : instance;
    reason = reason == null ? "" : reason;
    vips = vips == null ? List.of() : List.copyOf(vips);
  }
}
