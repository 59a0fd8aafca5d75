package io.vipd.config;

import java.util.Objects;

/**
 * A configuration value that must not be shown: {@link #toString()} masks it, so records holding one
 * can be logged. Call {@link #reveal()} only where the value is used.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The secret itself. Never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
