package io.vipd.plugins.transport.udp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Decodes a key written as hex or base64. Messages never contain the key. */
final class KeyText {

  private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2})+");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final Pattern BASE64_URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

  private KeyText() {}

  /**
   * The key's bytes. An even-length run of hex digits is hex (64 digits for 32 bytes), anything else must be
   * base64 (44 characters for 32 bytes, as {@code head -c 32 /dev/urandom | base64} writes). Whitespace,
   * such as the newline at the end of a key file, is ignored.
   *
   * @throws IllegalArgumentException when it is neither
   */
  static byte[] decode(String text) {
    String t = text.replaceAll("\\s+", "");
    if (t.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    if (HEX.matcher(t).matches()) {
      return HexFormat.of().parseHex(t);
    }
    try {
      if (BASE64.matcher(t).matches()) {
        return Base64.getDecoder().decode(t);
      }
      if (BASE64_URL.matcher(t).matches()) {
        return Base64.getUrlDecoder().decode(t);
      }
    } catch (IllegalArgumentException badPadding) {
      // reported below, without echoing the text
    }
    throw new IllegalArgumentException("is neither hex nor base64");
  }
}
