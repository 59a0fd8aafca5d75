package io.vipd.api;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:/path}} references. The daemon resolves them in the
 * configuration before a factory sees it; plugins use this for values they read later. Resolved values
 * must never be logged.
 */
public interface SecretResolver {

  /**
   * Returns {@code value} with every reference replaced.
   *
   * @throws IllegalArgumentException naming the reference (never its value) when it cannot be resolved
   */
  String resolve(String value);
}
