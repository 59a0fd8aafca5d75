package io.vipd.plugins.transport.udp;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random keys, written the way an operator's key file is: base64 with a trailing newline. */
final class TestKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  static String base64Key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key) + "\n";
  }
}
