package io.vipd.track;

import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;

/** Hears a check's stable status change (after rise/fall). Called on the check runner's own context. */
@FunctionalInterface
public interface CheckListener {

  /**
   * @param name the check's configured name
   * @param old the previous stable status (UP before the first result)
   * @param now the new stable status
   * @param result the probe result that completed the change (its message is the reason)
   */
  void checkChanged(String name, CheckStatus old, CheckStatus now, CheckResult result);
}
