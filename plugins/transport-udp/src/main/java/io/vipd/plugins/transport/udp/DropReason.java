package io.vipd.plugins.transport.udp;

/** Why the transport ignored a datagram. Each reason is counted under its {@link #label()}. */
public enum DropReason {
  /** The datagram's source address is not one of the configured peers. */
  NOT_A_PEER("not-a-peer"),
  /** Too short, wrong magic or version, or an inconsistent address family. */
  MALFORMED("malformed"),
  /** Signed with a key id this node does not hold. */
  UNKNOWN_KEY("unknown-key"),
  /** The HMAC does not match: a wrong key, or a datagram altered in transit. */
  BAD_HMAC("bad-hmac"),
  /** A sequence number (or an earlier run of the sender) this node has already seen. */
  REPLAY("replay"),
  /** Its timestamp is outside the replay window: an old capture, a delayed datagram, or clocks out of step. */
  STALE("stale");

  private final String label;

  DropReason(String label) {
    this.label = label;
  }

  /** The name used in {@code dropCounts()} and logs ({@code bad-hmac}). */
  public String label() {
    return label;
  }
}
