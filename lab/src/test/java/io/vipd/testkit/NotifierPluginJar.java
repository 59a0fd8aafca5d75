package io.vipd.testkit;

import io.vipd.api.NotifierFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

/**
 * Loads a notify plugin the way the daemon does: its packaged jar (from the module's {@code target/},
 * built by {@code mvn verify} before the integration tests) copied into a plugins directory and loaded
 * by PF4J's real plugin manager, so class-loader mistakes show up in tests.
 */
public final class NotifierPluginJar implements AutoCloseable {
  private final PluginManager manager;

  private NotifierPluginJar(PluginManager manager) {
    this.manager = manager;
  }

  /** Copies {@code target/<artifactId>-*.jar} into {@code pluginsDir} and starts it. */
  public static NotifierPluginJar load(String artifactId, Path pluginsDir) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().matches(artifactId + "-[^-]+(-SNAPSHOT)?\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no packaged " + artifactId + " jar in target/: run mvn verify"));
    }
    Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
    PluginManager manager = new JarPluginManager(pluginsDir);
    manager.loadPlugins();
    manager.startPlugins();
    return new NotifierPluginJar(manager);
  }

  /**
   * The notifier factories the plugin itself provides (not the copies PF4J also finds on the test
   * class path, where the module's own classes are).
   */
  public List<NotifierFactory> notifierFactories(String pluginId) {
    return manager.getExtensions(NotifierFactory.class, pluginId);
  }

  /** The plugin's class loader: its factories must come from it. */
  public ClassLoader pluginClassLoader(String pluginId) {
    return manager.getPluginClassLoader(pluginId);
  }

  @Override
  public void close() {
    manager.stopPlugins();
    manager.unloadPlugins();
  }
}
