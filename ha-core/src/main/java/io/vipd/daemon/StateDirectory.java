package io.vipd.daemon;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the daemon keeps what must outlive it (which instances are in maintenance): {@code state-directory}
 * of the configuration when set, else the first entry of {@code $STATE_DIRECTORY} (what systemd's
 * {@code StateDirectory=vipd} sets: {@code /var/lib/vipd}), else {@link #DEFAULT}. Read once, at start.
 */
public final class StateDirectory {
  /** The directory when neither the configuration nor systemd names one. */
  public static final Path DEFAULT = Path.of("/var/lib/vipd");
  /** The variable systemd sets for {@code StateDirectory=}; several directories are separated by colons. */
  public static final String ENVIRONMENT = "STATE_DIRECTORY";

  private StateDirectory() {}

  /**
   * @param configured {@code state-directory} of the configuration
   * @param environment environment variable lookup, null when unset ({@code System::getenv})
   */
  public static Path locate(Optional<Path> configured, Function<String, String> environment) {
    if (configured.isPresent()) {
      return configured.get();
    }
    String fromSystemd = environment.apply(ENVIRONMENT);
    if (fromSystemd != null) {
      for (String entry : fromSystemd.split(":")) {
        if (!entry.isBlank()) {
          return Path.of(entry);
        }
      }
    }
    return DEFAULT;
  }
}
