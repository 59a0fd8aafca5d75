package io.vipd.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message: the {@code struct nlmsghdr} fields and the payload after it (RFC 3549 section 2.3.2,
 * {@code linux/netlink.h}). Integers are in host byte order.
 */
record NetlinkMessage(int type, int flags, int sequence, int portId, byte[] payload) {
  static final int HEADER_LENGTH = 16;

  // message types, linux/netlink.h
  static final int NLMSG_NOOP = 1;
  static final int NLMSG_ERROR = 2;
  static final int NLMSG_DONE = 3;
  // flags
  static final int NLM_F_REQUEST = 0x1;
  static final int NLM_F_MULTI = 0x2;
  static final int NLM_F_ACK = 0x4;
  static final int NLM_F_DUMP = 0x300;
  static final int NLM_F_CREATE = 0x400;

  /** The message as bytes, payload padded to 4 bytes. */
  byte[] encode() {
    int length = HEADER_LENGTH + payload.length;
    ByteBuffer b = ByteBuffer.allocate(align(length)).order(ByteOrder.nativeOrder());
    b.putInt(length).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(portId);
    b.put(payload);
    return b.array();
  }

  /** Splits {@code length} received bytes into messages. */
  static List<NetlinkMessage> decodeAll(byte[] buffer, int length) {
    List<NetlinkMessage> messages = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
    while (b.remaining() >= HEADER_LENGTH) {
      int start = b.position();
      int messageLength = b.getInt();
      if (messageLength < HEADER_LENGTH || start + messageLength > length) {
        throw new IllegalArgumentException("truncated netlink message at offset " + start);
      }
      int type = Short.toUnsignedInt(b.getShort());
      int flags = Short.toUnsignedInt(b.getShort());
      int sequence = b.getInt();
      int portId = b.getInt();
      byte[] payload = new byte[messageLength - HEADER_LENGTH];
      b.get(payload);
      messages.add(new NetlinkMessage(type, flags, sequence, portId, payload));
      b.position(Math.min(length, start + align(messageLength)));
    }
    return messages;
  }

  /**
   * For an {@code NLMSG_ERROR} message: the positive errno, or 0 for an acknowledgement ({@code struct
   * nlmsgerr} starts with the negated error).
   */
  int errorCode() {
    if (type != NLMSG_ERROR) {
      throw new IllegalStateException("not an NLMSG_ERROR message");
    }
    return -ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt();
  }

  static int align(int length) {
    return (length + 3) & ~3;
  }
}
