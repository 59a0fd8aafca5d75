package io.vipd.net;

/** A Linux capability vipd needs, with its bit number ({@code linux/capability.h}) and what it is for. */
public enum Capability {
  NET_ADMIN(12, "to add and remove the VIPs"),
  NET_RAW(13, "to open raw VRRP, ARP and NA sockets");

  private final int bit;
  private final String purpose;

  Capability(int bit, String purpose) {
    this.bit = bit;
    this.purpose = purpose;
  }

  /** The bit of this capability in a {@code CapEff} mask. */
  public int bit() {
    return bit;
  }

  /** What vipd needs it for, e.g. "to add and remove the VIPs". */
  public String purpose() {
    return purpose;
  }

  /** {@code CAP_NET_ADMIN}, as man pages and systemd's {@code AmbientCapabilities=} spell it. */
  public String capName() {
    return "CAP_" + name();
  }
}
