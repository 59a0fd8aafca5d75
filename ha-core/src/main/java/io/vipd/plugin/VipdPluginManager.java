package io.vipd.plugin;

import java.nio.file.Path;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginLoader;

/** PF4J's jar plugin manager with host-first class loading (see {@link HostFirstJarPluginLoader}). */
final class VipdPluginManager extends JarPluginManager {

  VipdPluginManager(Path pluginDirectory) {
    super(pluginDirectory);
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new HostFirstJarPluginLoader(this);
  }
}
