package io.vipd.cli;

import io.vipd.config.ConfigException;
import io.vipd.config.ConfigLoader;
import io.vipd.config.VipdConfig;
import java.nio.file.Path;

/**
 * Loads a configuration for a command that needs its structure only (api.listen, the instances and their
 * VIPs), not its secrets: an {@code ${env:...}} this shell does not have (the daemon's API token, say)
 * must not stop {@code vipd status} or {@code vipd cleanup}. Every other problem is reported as usual.
 */
final class StructuralConfig {
  private StructuralConfig() {}

  /** {@code command} stands in for the node name, which such a command does not use. */
  static VipdConfig load(Path file, String command) throws ConfigException {
    return new ConfigLoader(name -> System.getenv().getOrDefault(name, "unset"), () -> command,
        Path.of(System.getProperty("vipd.home", "."))).load(file);
  }
}
