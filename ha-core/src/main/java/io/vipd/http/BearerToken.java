package io.vipd.http;

import io.vipd.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks an {@code Authorization: Bearer <token>} header against the configured token. Both sides are
 * hashed with SHA-256 and compared with {@link MessageDigest#isEqual}, so the time taken says nothing
 * about how much of the token a caller guessed, nor about its length.
 */
final class BearerToken {
  /** The outcome of a check, with the HTTP status it maps to. */
  enum Verdict {
    ALLOWED(200),
    /** No token configured: POSTs are refused whatever is sent. */
    NOT_CONFIGURED(403),
    /** No header, not Bearer, or the wrong token. */
    REJECTED(401);

    final int httpStatus;

    Verdict(int httpStatus) {
      this.httpStatus = httpStatus;
    }
  }

  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest;

  BearerToken(Optional<Secret> token) {
    this.expectedDigest = token.map(t -> sha256(t.reveal())).orElse(null);
  }

  Verdict check(String authorizationHeader) {
    if (expectedDigest == null) {
      return Verdict.NOT_CONFIGURED;
    }
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Verdict.REJECTED;
    }
    byte[] offered = sha256(authorizationHeader.substring(SCHEME.length()).trim());
    return MessageDigest.isEqual(expectedDigest, offered) ? Verdict.ALLOWED : Verdict.REJECTED;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
