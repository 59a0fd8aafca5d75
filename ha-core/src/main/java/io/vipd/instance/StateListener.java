package io.vipd.instance;

import io.vipd.vrrp.VrrpAction.StateChanged;

/** The one hook for state changes, called on the instance's context after the change's own work is done. */
@FunctionalInterface
public interface StateListener {

  void stateChanged(VrrpInstance instance, StateChanged change);
}
