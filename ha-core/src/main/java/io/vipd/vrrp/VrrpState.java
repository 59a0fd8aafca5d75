package io.vipd.vrrp;

import io.vipd.api.HaState;

/**
 * The states of one VRRP instance: RFC 5798 section 6.4 (Initialize, Backup, Master) plus keepalived's
 * FAULT and a STOPPED state for an instance the daemon shut down.
 */
public enum VrrpState {
  /** Not started yet (RFC 5798 section 6.4.1). Adverts are ignored. */
  INITIALIZE(HaState.INIT),
  /** Monitoring the master; takes over when Master_Down_Timer fires (RFC 5798 section 6.4.2). */
  BACKUP(HaState.BACKUP),
  /** Holding the virtual addresses and advertising every Advertisement_Interval (RFC 5798 section 6.4.3). */
  MASTER(HaState.MASTER),
  /** Cannot serve (tracked interface down, failed check with on-down: fault). Adverts are ignored. */
  FAULT(HaState.FAULT),
  /** Shut down by the daemon (RFC 5798 "Shutdown event"). Adverts are ignored; Startup restarts it. */
  STOPPED(HaState.STOP);

  private final HaState haState;

  VrrpState(HaState haState) {
    this.haState = haState;
  }

  /** The state as notifiers and the status API see it. */
  public HaState haState() {
    return haState;
  }

  /** Whether the instance processes adverts in this state (Backup and Master only). */
  public boolean isListening() {
    return this == BACKUP || this == MASTER;
  }
}
