package io.vipd.plugins.transport.udp;

import java.util.Arrays;

/**
 * A shared HMAC-SHA256 key and the one-byte id that names it on the wire.
 *
 * @param id 0..255, sent in clear so the receiver can pick the key during a rotation
 * @param secret at least {@link #MIN_LENGTH} bytes; never logged
 */
record AuthKey(int id, byte[] secret) {

  /** 32 bytes: the HMAC-SHA256 output size, the shortest key RFC 2104 section 3 recommends for it. */
  static final int MIN_LENGTH = 32;

  AuthKey {
    if (id < 0 || id > 255) {
      throw new IllegalArgumentException("key id must be 0..255");
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuthKey k && k.id == id && Arrays.equals(k.secret, secret);
  }

  @Override
  public int hashCode() {
    return 31 * id + Arrays.hashCode(secret);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "AuthKey[id=" + id + "]";
  }
}
