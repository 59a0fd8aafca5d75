package io.vipd.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.plugin.BuiltIns;
import io.vipd.plugin.ExtensionRegistry;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.Registered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.pf4j.PluginClassLoader;

/**
 * For a plugin module's integration tests: loads the module's packaged jar (system property
 * {@code vipd.plugin.jar}, set by failsafe) with the real {@link PluginHost}, the way the daemon loads it
 * from its plugins/ directory. Class-loader mistakes (API classes packaged inside the jar, a missing
 * extensions.idx) show up only this way. The plugins parent POM runs {@code *PluginJarIT} without the
 * module's own classes on the class path, so that the extensions can only come from the jar.
 */
public final class PackagedPlugin {
  private PackagedPlugin() {}

  /** The module's packaged jar (system property {@code vipd.plugin.jar}, set by the plugins parent POM). */
  public static Path jar() {
    String jarProperty = System.getProperty("vipd.plugin.jar");
    if (jarProperty == null) {
      throw new IllegalStateException("system property vipd.plugin.jar is not set (run with failsafe after package)");
    }
    Path jar = Path.of(jarProperty);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: run 'mvn verify' so the jar is packaged first");
    }
    return jar;
  }

  /** Copies the packaged jar into {@code directory} (made 0755) and loads that directory. */
  public static PluginHost load(Path directory) throws IOException {
    Path jar = jar();
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path copy = Files.copy(jar, directory.resolve(jar.getFileName()));
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    return PluginHost.load(directory, BuiltIns.NONE);
  }

  /**
   * The factory of {@code type} in {@code registry} ({@code host.checks()}, {@code notifiers()},
   * {@code transports()}), after checking that the packaged plugin provides it from its own class loader.
   */
  public static <F> F extension(ExtensionRegistry<F> registry, String type) {
    Registered<F> registered = registry.registration(type)
        .orElseThrow(() -> new AssertionError("no extension of type " + type + " (known: " + registry.types() + ")"));
    assertThat(registered.origin()).as("who provides %s", type).isNotEqualTo(Registered.BUILT_IN);
    assertThat(registered.factory().getClass().getClassLoader()).as("class loader of the %s factory", type)
        .isInstanceOf(PluginClassLoader.class);
    return registered.factory();
  }
}
