package io.vipd.plugins.check.mysql;

import io.vipd.api.CheckStatus;

/** One part of a probe's verdict (role, replication, heartbeat, latency): a status and why. */
record Finding(CheckStatus status, String message) {

  static Finding up(String message) {
    return new Finding(CheckStatus.UP, message);
  }

  static Finding degraded(String message) {
    return new Finding(CheckStatus.DEGRADED, message);
  }

  static Finding down(String message) {
    return new Finding(CheckStatus.DOWN, message);
  }

  /** The worse of the two; on a tie, this one. */
  Finding worst(Finding other) {
    return other.status.ordinal() > status.ordinal() ? other : this;
  }
}
