package io.vipd.track;

import io.vipd.api.CheckStatus;
import java.util.Optional;

/**
 * Turns raw probe results into a stable status with keepalived's rise/fall counting.
 *
 * <p>Before the first result the status is UP ("assumed up"), and the first result is taken as it is,
 * like keepalived's track scripts whose initial state is decided by their first run: a node whose
 * service is down at start-up does not stay MASTER for {@code fall} intervals. After that, a status
 * better than the current one (DOWN to DEGRADED to UP) needs {@code rise} identical results in a row, a
 * worse one needs {@code fall}. Mixed results restart the count.
 */
public final class Hysteresis {
  private final int rise;
  private final int fall;
  private CheckStatus current = CheckStatus.UP;
  private boolean decided;
  private CheckStatus candidate;
  private int streak;

  public Hysteresis(int rise, int fall) {
    this.rise = rise;
    this.fall = fall;
  }

  public CheckStatus current() {
    return current;
  }

  /** Feeds one raw result; returns the new stable status when it changed. */
  public Optional<CheckStatus> accept(CheckStatus raw) {
    if (!decided) {
      decided = true;
      return moveTo(raw);
    }
    if (raw == current) {
      candidate = null;
      streak = 0;
      return Optional.empty();
    }
    if (raw == candidate) {
      streak++;
    } else {
      candidate = raw;
      streak = 1;
    }
    int needed = raw.ordinal() < current.ordinal() ? rise : fall; // enum order UP, DEGRADED, DOWN: lower is better
    return streak >= needed ? moveTo(raw) : Optional.empty();
  }

  private Optional<CheckStatus> moveTo(CheckStatus next) {
    candidate = null;
    streak = 0;
    if (next == current) {
      return Optional.empty();
    }
    current = next;
    return Optional.of(next);
  }
}
