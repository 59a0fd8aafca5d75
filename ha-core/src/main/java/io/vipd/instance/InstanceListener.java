package io.vipd.instance;

import io.vipd.api.CheckStatus;
import io.vipd.vrrp.VrrpAction.StateChanged;

/** What a running instance tells the daemon, on the instance's context, after the change's own work is done. */
public interface InstanceListener {

  /** The instance changed state; its addresses and adverts already follow the new state. */
  void stateChanged(VrrpInstance instance, StateChanged change);

  /**
   * A check this instance reports on changed its stable status. Tracking has applied it already, so
   * {@link VrrpInstance#effectivePriority()} and the state include the change.
   */
  void checkChanged(VrrpInstance instance, String check, CheckStatus now, String message);
}
