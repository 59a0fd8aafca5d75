package io.vipd.instance;

import io.vipd.vrrp.DropReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many received packets an instance ignored, by reason. Written on the instance's context, read anywhere. */
public final class DropCounters {
  private final AtomicLongArray counts = new AtomicLongArray(DropReason.values().length);

  void increment(DropReason reason) {
    counts.incrementAndGet(reason.ordinal());
  }

  public long get(DropReason reason) {
    return counts.get(reason.ordinal());
  }

  /** Every reason with a non-zero count. */
  public Map<DropReason, Long> snapshot() {
    Map<DropReason, Long> result = new EnumMap<>(DropReason.class);
    for (DropReason reason : DropReason.values()) {
      long count = counts.get(reason.ordinal());
      if (count > 0) {
        result.put(reason, count);
      }
    }
    return result;
  }
}
