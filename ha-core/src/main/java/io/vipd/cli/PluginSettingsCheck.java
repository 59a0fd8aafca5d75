package io.vipd.cli;

import io.vertx.core.Vertx;
import io.vipd.config.ConfigException;
import io.vipd.config.Secrets;
import io.vipd.config.VipdConfig;
import io.vipd.daemon.Daemon;
import io.vipd.daemon.Extensions;
import io.vipd.plugin.PluginHost;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code vipd validate} adds to the config loader: every check, notifier and transport is created
 * through its plugin's factory, exactly as {@code vipd run} does, so plugin settings are validated too.
 */
final class PluginSettingsCheck {
  private PluginSettingsCheck() {}

  /**
   * Without a plugin directory only the built-in transports' settings are checked.
   *
   * @return a note for the OK line ("" when plugin settings were checked)
   * @throws ConfigException with every plugin setting problem, located in the file
   */
  static String run(VipdConfig config, Path file, Path pluginsDirectory) throws ConfigException {
    boolean withPlugins = Files.isDirectory(pluginsDirectory);
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = withPlugins
        ? PluginHost.load(pluginsDirectory, Daemon.BUILT_INS)
        : PluginHost.builtInsOnly(Daemon.BUILT_INS)) {
      Path directory = file.toAbsolutePath().getParent();
      Extensions extensions = new Extensions(config, host, vertx, new Secrets(System::getenv, directory));
      if (withPlugins) {
        extensions.checks();
        extensions.notifiers();
      }
      config.instances().stream()
          .filter(i -> withPlugins || host.transports().get(i.transport().type()).isPresent())
          .forEach(i -> extensions.transport(i, i.sourceAddress().orElse(null)));
      extensions.throwIfProblems();
      return withPlugins ? ""
          : "; plugin settings not checked: no plugin directory " + pluginsDirectory + " (see --plugins)";
    } finally {
      vertx.close();
    }
  }
}
