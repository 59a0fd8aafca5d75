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
   * @return a note for the OK line ("" when plugin settings were checked)
   * @throws ConfigException with every plugin setting problem, located in the file
   */
  static String run(VipdConfig config, Path file, Path pluginsDirectory) throws ConfigException {
    if (!Files.isDirectory(pluginsDirectory)) {
      return "; plugin settings not checked: no plugin directory " + pluginsDirectory + " (see --plugins)";
    }
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = PluginHost.load(pluginsDirectory, Daemon.BUILT_INS)) {
      Path directory = file.toAbsolutePath().getParent();
      Extensions extensions = new Extensions(config, host, vertx, new Secrets(System::getenv, directory));
      extensions.checks();
      extensions.notifiers();
      config.instances().forEach(i -> extensions.transport(i, i.sourceAddress().orElse(null)));
      extensions.throwIfProblems();
      return "";
    } finally {
      vertx.close();
    }
  }
}
