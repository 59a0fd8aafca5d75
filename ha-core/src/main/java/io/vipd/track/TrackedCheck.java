package io.vipd.track;

import java.util.Objects;

/**
 * How one check weighs on one VRRP instance's priority.
 *
 * @param name the check's configured name
 * @param weight added to the priority while the check is DOWN (usually negative: {@code -20})
 * @param degradedWeight added while the check is DEGRADED (0: DEGRADED costs nothing)
 * @param onDownFault when true the instance goes to FAULT while the check is DOWN, and {@code weight} is ignored
 */
public record TrackedCheck(String name, int weight, int degradedWeight, boolean onDownFault) {
  public TrackedCheck {
    Objects.requireNonNull(name, "name");
  }

  /** A check that costs {@code weight} while DOWN. */
  public static TrackedCheck weighted(String name, int weight) {
    return new TrackedCheck(name, weight, 0, false);
  }

  /** A check whose DOWN puts the instance in FAULT. */
  public static TrackedCheck faulting(String name) {
    return new TrackedCheck(name, 0, 0, true);
  }
}
