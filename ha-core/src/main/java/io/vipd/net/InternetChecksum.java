package io.vipd.net;

/** The 16-bit one's complement sum of RFC 1071, over any number of byte ranges. */
final class InternetChecksum {
  private long sum;

  /** Adds {@code length} bytes from {@code offset}, as big-endian 16-bit words; an odd tail is zero-padded. */
  InternetChecksum add(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    for (; i + 1 < end; i += 2) {
      sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
    }
    if (i < end) {
      sum += (bytes[i] & 0xff) << 8;
    }
    return this;
  }

  InternetChecksum add(byte[] bytes) {
    return add(bytes, 0, bytes.length);
  }

  InternetChecksum addWord32(long value) {
    sum += (value >>> 16) & 0xffff;
    sum += value & 0xffff;
    return this;
  }

  /** The complemented, folded sum to put in the checksum field. */
  int value() {
    long folded = sum;
    while ((folded >>> 16) != 0) {
      folded = (folded & 0xffff) + (folded >>> 16);
    }
    return (int) (~folded & 0xffff);
  }
}
