package io.vipd.config;

/**
 * A scalar as written ({@code raw}) and with its references resolved ({@code value}).
 *
 * @param secret whether {@code raw} holds a reference, so {@code value} must never be shown
 */
record Text(String value, String raw, boolean secret) {

  /** What a problem message may quote: the raw text for secret-bearing values, else the value. */
  String shown() {
    return secret ? raw : value;
  }

  @Override
  public String toString() {
    return shown();
  }
}
