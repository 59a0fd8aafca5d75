package io.vipd.e2e.udp;

/**
 * One state change of a VRRP instance as the daemon logged it:
 * {@code web: BACKUP -> MASTER (reason), priority 150}.
 */
record Transition(String from, String to, String reason) {

  boolean isTo(String state) {
    return to.equals(state);
  }

  @Override
  public String toString() {
    return from + " -> " + to + " (" + reason + ")";
  }
}
