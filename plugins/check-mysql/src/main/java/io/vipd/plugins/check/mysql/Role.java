package io.vipd.plugins.check.mysql;

import java.util.Locale;
import java.util.Optional;

/** What the server must be for the check to pass, judged by {@code @@global.read_only}. */
public enum Role {
  /** Writable: {@code read_only=0}. */
  PRIMARY,
  /** Read-only ({@code read_only=1}), and its replication is checked. */
  REPLICA,
  /** Either; {@code read_only} is not checked. */
  ANY;

  /** The role named {@code text} in the YAML ({@code primary}, {@code replica}, {@code any}), if any. */
  static Optional<Role> of(String text) {
    for (Role role : values()) {
      if (role.yamlName().equals(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** The name used in the YAML. */
  String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a server with this {@code read_only} value has the role. */
  boolean acceptsReadOnly(boolean readOnly) {
    return switch (this) {
      case PRIMARY -> !readOnly;
      case REPLICA -> readOnly;
      case ANY -> true;
    };
  }
}
