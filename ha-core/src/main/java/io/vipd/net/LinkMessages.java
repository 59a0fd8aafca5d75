package io.vipd.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** Decodes rtnetlink link messages ({@code struct ifinfomsg} + attributes, {@code linux/rtnetlink.h}). */
final class LinkMessages {
  private LinkMessages() {}

  static final int RTM_NEWLINK = 16;
  static final int RTM_DELLINK = 17;

  static final int IFLA_IFNAME = 3;
  static final int IFLA_OPERSTATE = 16;

  static final int IFF_UP = 0x1;
  /** Set by the kernel while the operational state is UP (or UNKNOWN, for devices without carrier). */
  static final int IFF_RUNNING = 0x40;

  static final int IFINFOMSG_LENGTH = 16;

  /** One link message: interface index, name (when present) and its {@code IFF_*} flags. */
  record Decoded(int interfaceIndex, String name, int flags) {
    /** Administratively up and operationally running (carrier present). */
    boolean up() {
      return (flags & IFF_UP) != 0 && (flags & IFF_RUNNING) != 0;
    }
  }

  static Decoded decode(byte[] payload) {
    ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
    int index = b.getInt(4);
    int flags = b.getInt(8);
    Map<Integer, byte[]> attributes = RtAttributes.parse(payload, IFINFOMSG_LENGTH);
    String name = attributes.containsKey(IFLA_IFNAME) ? RtAttributes.string(attributes.get(IFLA_IFNAME)) : null;
    return new Decoded(index, name, flags);
  }
}
