package io.vipd.api;

/** The state of one VRRP instance, as notifiers see it (RFC 5798 section 6.4, plus keepalived's FAULT and STOP). */
public enum HaState {
  INIT,
  BACKUP,
  MASTER,
  /** The instance cannot serve (a tracked interface is down or a check with {@code on-down: fault} failed). */
  FAULT,
  /** The daemon stopped the instance. */
  STOP
}
