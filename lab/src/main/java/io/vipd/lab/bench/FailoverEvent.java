package io.vipd.lab.bench;

/** How the master goes away in one benchmark run. */
public enum FailoverEvent {
  /** Its link goes down: to the others a dead host or a pulled cable; nothing more comes from it. */
  DEAD_HOST("dead host"),
  /** The daemon is SIGKILLed; the VIP stays on the host's interface, which keeps answering for it. */
  KILL("SIGKILL"),
  /** The daemon is stopped (SIGTERM): it says goodbye with a priority-0 advert and removes the VIP. */
  GRACEFUL_STOP("graceful stop");

  private final String label;

  FailoverEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
