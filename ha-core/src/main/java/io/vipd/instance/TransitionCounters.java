package io.vipd.instance;

import io.vipd.vrrp.VrrpState;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many times an instance entered each state. Written on the instance's context, read anywhere. */
public final class TransitionCounters {
  private final AtomicLongArray counts = new AtomicLongArray(VrrpState.values().length);

  void entered(VrrpState state) {
    counts.incrementAndGet(state.ordinal());
  }

  public long get(VrrpState state) {
    return counts.get(state.ordinal());
  }

  /** Every state with its count, zeros included. */
  public Map<VrrpState, Long> snapshot() {
    Map<VrrpState, Long> result = new EnumMap<>(VrrpState.class);
    for (VrrpState state : VrrpState.values()) {
      result.put(state, counts.get(state.ordinal()));
    }
    return result;
  }
}
