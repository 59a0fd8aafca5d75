package io.vipd.plugin;

import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * Loads a plugin jar with the host's classes first (PF4J's ADP: application, dependencies, plugin).
 * A plugin that bundles its own copy of Vert.x, Netty or the API then still links against the host's
 * copies, so its extensions match the host's extension points and share the daemon's Vert.x instance.
 */
final class HostFirstJarPluginLoader extends JarPluginLoader {

  HostFirstJarPluginLoader(PluginManager pluginManager) {
    super(pluginManager);
  }

  @Override
  public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor pluginDescriptor) {
    PluginClassLoader loader = new PluginClassLoader(
        pluginManager, pluginDescriptor, getClass().getClassLoader(), ClassLoadingStrategy.ADP);
    loader.addFile(pluginPath.toFile());
    return loader;
  }
}
