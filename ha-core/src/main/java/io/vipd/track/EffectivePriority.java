package io.vipd.track;

import static io.vipd.vrrp.VrrpConstants.MAX_BACKUP_PRIORITY;
import static io.vipd.vrrp.VrrpConstants.MIN_PRIORITY;
import static io.vipd.vrrp.VrrpConstants.OWNER_PRIORITY;
import io.vipd.api.CheckStatus;
import java.util.List;
import java.util.Map;

/**
 * What tracking makes of an instance's priority.
 *
 * @param priority the priority to advertise
 * @param fault whether a check with {@code on-down: fault} is DOWN
 * @param faultReason which check forces FAULT and why ({@code check mysql-local DOWN: connection refused}),
 *     empty when not in fault
 */
public record EffectivePriority(int priority, boolean fault, String faultReason) {

  /**
   * effective = clamp(base + sum of the weights of the tracked checks in their current state, 1, 254); an
   * owner (base 255) stays 255. A check absent from {@code statuses} counts as UP.
   */
  public static EffectivePriority fold(int base, List<TrackedCheck> tracked, Map<String, CheckStatus> statuses,
      Map<String, String> messages) {
    int sum = 0;
    String faultReason = "";
    for (TrackedCheck check : tracked) {
      CheckStatus status = statuses.getOrDefault(check.name(), CheckStatus.UP);
      switch (status) {
        case UP -> { }
        case DEGRADED -> sum += check.degradedWeight();
        case DOWN -> {
          if (check.onDownFault()) {
            if (faultReason.isEmpty()) {
              String message = messages.getOrDefault(check.name(), "");
              faultReason = "check " + check.name() + " DOWN" + (message.isEmpty() ? "" : ": " + message);
            }
          } else {
            sum += check.weight();
          }
        }
      }
    }
    int priority = base == OWNER_PRIORITY ? OWNER_PRIORITY
        : Math.max(MIN_PRIORITY, Math.min(MAX_BACKUP_PRIORITY, base + sum));
    return new EffectivePriority(priority, !faultReason.isEmpty(), faultReason);
  }
}
