package io.vipd.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Route attributes ({@code struct rtattr}: length, type, value padded to 4 bytes; RFC 3549 section 2.3.2.1). */
final class RtAttributes {
  private static final int HEADER_LENGTH = 4;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  RtAttributes add(int type, byte[] value) {
    int length = HEADER_LENGTH + value.length;
    ByteBuffer b = ByteBuffer.allocate(NetlinkMessage.align(length)).order(ByteOrder.nativeOrder());
    b.putShort((short) length).putShort((short) type).put(value);
    out.writeBytes(b.array());
    return this;
  }

  /** A NUL-terminated string attribute ({@code IFA_LABEL}, {@code IFLA_IFNAME}). */
  RtAttributes addString(int type, String value) {
    byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
    byte[] terminated = new byte[ascii.length + 1];
    System.arraycopy(ascii, 0, terminated, 0, ascii.length);
    return add(type, terminated);
  }

  RtAttributes addInt(int type, int value) {
    return add(type, NativeSocket.nativeInt(value));
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /** Attributes from {@code offset} to the end of {@code payload}, by type (the first of each type wins). */
  static Map<Integer, byte[]> parse(byte[] payload, int offset) {
    Map<Integer, byte[]> attributes = new HashMap<>();
    ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
    int position = offset;
    while (position + HEADER_LENGTH <= payload.length) {
      int length = Short.toUnsignedInt(b.getShort(position));
      int type = Short.toUnsignedInt(b.getShort(position + 2)) & 0x3fff; // drop NLA_F_NESTED / BYTEORDER
      if (length < HEADER_LENGTH || position + length > payload.length) {
        break;
      }
      byte[] value = new byte[length - HEADER_LENGTH];
      System.arraycopy(payload, position + HEADER_LENGTH, value, 0, value.length);
      attributes.putIfAbsent(type, value);
      position += NetlinkMessage.align(length);
    }
    return attributes;
  }

  /** A string attribute's text without the terminating NUL. */
  static String string(byte[] value) {
    int end = 0;
    while (end < value.length && value[end] != 0) {
      end++;
    }
    return new String(value, 0, end, StandardCharsets.US_ASCII);
  }

  static int int32(byte[] value) {
    return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
  }
}
