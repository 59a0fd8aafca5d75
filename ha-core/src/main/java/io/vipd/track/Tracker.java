package io.vipd.track;

import io.vertx.core.Context;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the checks one VRRP instance tracks into its effective priority and FAULT flag (see
 * {@link EffectivePriority#fold}). Its only output is its {@link TrackListener}, called on the instance's
 * context; all its state lives there too, so {@link #current()} should be read on that context.
 *
 * <p>Until a check reports, it counts as UP: a new tracker starts at {@code clamp(base)} and not in FAULT.
 */
public final class Tracker {
  private final Context context;
  private final int basePriority;
  private final List<TrackedCheck> tracked;
  private final TrackListener listener;
  private final Map<String, CheckStatus> statuses = new HashMap<>();
  private final Map<String, String> messages = new HashMap<>();
  /** The runners this tracker listens to, and its listener on each (for {@link #detach()}). */
  private final Map<CheckRunner, CheckListener> attached = new LinkedHashMap<>();
  private EffectivePriority current;

  /**
   * @param context the VRRP instance's context: listener calls and state updates happen there
   * @param basePriority the configured priority (1..255; 255 is never changed)
   * @param tracked the checks this instance tracks and their weights
   */
  public Tracker(Context context, int basePriority, List<TrackedCheck> tracked, TrackListener listener) {
    this.context = Objects.requireNonNull(context, "context");
    this.basePriority = basePriority;
    this.tracked = List.copyOf(tracked);
    this.listener = Objects.requireNonNull(listener, "listener");
    this.current = EffectivePriority.fold(basePriority, this.tracked, statuses, messages);
  }

  /** Listens to {@code runner} if this instance tracks it (by name); returns whether it does. */
  public boolean attach(CheckRunner runner) {
    if (tracked.stream().noneMatch(t -> t.name().equals(runner.name()))) {
      return false;
    }
    CheckListener listener = this::onCheckChanged;
    runner.addListener(listener);
    synchronized (attached) {
      attached.put(runner, listener);
    }
    return true;
  }

  /** Stops listening to every runner: a reload replaced this tracker. */
  public void detach() {
    synchronized (attached) {
      attached.forEach(CheckRunner::removeListener);
      attached.clear();
    }
  }

  /**
   * Takes the known status of a check that has already reported (a running runner), without reporting it as
   * a change: a reload hands a kept check to a new tracker, or a new instance to a running check. Call on the
   * tracker's context.
   */
  public void seed(CheckRunner runner) {
    if (runner.hasReported() && tracked.stream().anyMatch(t -> t.name().equals(runner.name()))) {
      CheckResult last = runner.lastResult();
      statuses.put(runner.name(), runner.status());
      messages.put(runner.name(), last == null ? "" : last.message());
      current = EffectivePriority.fold(basePriority, tracked, statuses, messages);
    }
  }

  /** Takes a stable status change from any thread; applied on the tracker's context. */
  public void onCheckChanged(String name, CheckStatus old, CheckStatus now, CheckResult result) {
    context.runOnContext(v -> apply(name, old, now, result.message()));
  }

  /** The effective priority and fault flag as of the last applied change. */
  public EffectivePriority current() {
    return current;
  }

  private void apply(String name, CheckStatus old, CheckStatus now, String message) {
    if (tracked.stream().noneMatch(t -> t.name().equals(name))) {
      return;
    }
    statuses.put(name, now);
    messages.put(name, message);
    EffectivePriority before = current;
    current = EffectivePriority.fold(basePriority, tracked, statuses, messages);
    if (current.fault() != before.fault()) {
      listener.faultChanged(current.fault(),
          current.fault() ? current.faultReason() : "check " + name + " " + now + (message.isEmpty() ? "" : ": " + message));
    }
    if (current.priority() != before.priority()) {
      listener.priorityChanged(current.priority());
    }
    listener.checkChanged(name, old, now, message);
  }
}
