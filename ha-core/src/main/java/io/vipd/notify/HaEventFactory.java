package io.vipd.notify;

import io.vipd.api.CheckStatus;
import io.vipd.api.HaEvent;
import io.vipd.api.HaState;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds this node's {@link HaEvent}s: stamps each with the next per-node sequence number and the
 * clock's time. One instance per daemon, shared by every VRRP instance and the tracker; safe to call
 * from any thread. Sequence numbers start at 1 and never repeat within a daemon run, so a receiver
 * that sees a gap knows events were dropped.
 */
public final class HaEventFactory {
  private final String node;
  private final Clock clock;
  private final AtomicLong lastSequence = new AtomicLong();

  public HaEventFactory(String node, Clock clock) {
    this.node = Objects.requireNonNull(node, "node");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An event for a VRRP instance moving from {@code from} to {@code to}. */
  public HaEvent stateChange(
      InstanceFacts instance, HaState from, HaState to, String reason) {
    Objects.requireNonNull(to, "to");
    return new HaEvent(
        lastSequence.incrementAndGet(),
        clock.instant(),
        node,
        HaEvent.Kind.STATE_CHANGE,
        instance.name(),
        instance.vrid(),
        from,
        to,
        reason,
        instance.basePriority(),
        instance.effectivePriority(),
        instance.vips(),
        null,
        null);
  }

  /**
   * An event for a check whose status changed. {@code instance} is the first instance tracking the
   * check, or {@link InstanceFacts#NONE} when no instance tracks it.
   */
  public HaEvent checkChange(
      String check, CheckStatus status, InstanceFacts instance, String reason) {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    return new HaEvent(
        lastSequence.incrementAndGet(),
        clock.instant(),
        node,
        HaEvent.Kind.CHECK_CHANGE,
        instance.name(),
        instance.vrid(),
        null,
        null,
        reason,
        instance.basePriority(),
        instance.effectivePriority(),
        instance.vips(),
        check,
        status);
  }

  /** The sequence number of the last event built, 0 before the first. */
  public long lastSequence() {
    return lastSequence.get();
  }

  /**
   * What an event says about the VRRP instance it concerns, at the time of the event.
   *
   * @param name the instance name
   * @param vrid its virtual router id
   * @param basePriority the configured priority
   * @param effectivePriority the priority after tracking
   * @param vips its virtual addresses with prefix ({@code 10.0.0.100/24})
   */
  public record InstanceFacts(
      String name, int vrid, int basePriority, int effectivePriority, List<String> vips) {

    /** For a check that no instance tracks. */
    public static final InstanceFacts NONE = new InstanceFacts("", 0, 0, 0, List.of());

    public InstanceFacts {
      Objects.requireNonNull(name, "name");
      vips = vips == null ? List.of() : List.copyOf(vips);
    }
  }
}
