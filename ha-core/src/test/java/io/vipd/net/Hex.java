package io.vipd.net;

import java.util.HexFormat;

/** Hex fixtures for golden-bytes tests: spaces and line breaks are ignored. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
