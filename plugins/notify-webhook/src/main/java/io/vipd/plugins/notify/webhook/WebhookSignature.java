package io.vipd.plugins.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request so the receiver can check it came from vipd and is fresh: HMAC-SHA256 keyed with
 * the shared secret over {@code <timestamp>.<body>}, where the timestamp is the Unix time in seconds
 * sent in {@link #TIMESTAMP_HEADER}. The receiver recomputes the MAC, compares in constant time, and
 * rejects timestamps too far from its clock (replays).
 */
final class WebhookSignature {
  static final String TIMESTAMP_HEADER = "X-Vipd-Timestamp";
  static final String SIGNATURE_HEADER = "X-Vipd-Signature";
  /** Prefix of the signature header value, naming the algorithm so it can change later. */
  static final String SCHEME = "sha256=";

  private final SecretKeySpec key;

  WebhookSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The signature header value for {@code body} sent at {@code unixSeconds}. */
  String sign(long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
