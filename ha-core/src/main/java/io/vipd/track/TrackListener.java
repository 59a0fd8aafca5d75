package io.vipd.track;

import io.vipd.api.CheckStatus;

/**
 * The output of a {@link Tracker}: called on the tracker's context (the VRRP instance's), in order, only
 * when something changed.
 */
public interface TrackListener {

  /** The effective priority changed (a tracked check changed state, or its weight started/stopped counting). */
  default void priorityChanged(int effective) {}

  /**
   * The instance entered or left FAULT.
   *
   * @param reason which check forces it and why when {@code fault}, else which check recovered
   */
  default void faultChanged(boolean fault, String reason) {}

  /**
   * A tracked check's stable status changed; {@code message} is the probe's reason. Called last, after the
   * fault and priority calls the change caused.
   */
  default void checkChanged(String name, CheckStatus old, CheckStatus now, String message) {}
}
