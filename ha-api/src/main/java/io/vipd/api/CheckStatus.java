package io.vipd.api;

/** The outcome of one health check probe. */
public enum CheckStatus {
  /** The service works as expected. */
  UP,
  /**
   * The service works but below its expected quality (slow, lagging). A tracked check in this state
   * applies its {@code degraded-weight}: it lowers priority without necessarily causing a failover.
   */
  DEGRADED,
  /** The service does not work. A tracked check in this state applies its {@code weight} or forces FAULT. */
  DOWN
}
