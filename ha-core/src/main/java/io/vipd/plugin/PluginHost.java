package io.vipd.plugin;

import io.vipd.api.HealthCheckFactory;
import io.vipd.api.NotifierFactory;
import io.vipd.api.TransportFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every plugin jar of a directory with PF4J and exposes the factories of the three extension
 * points by {@code type}, merged with the daemon's built-ins.
 *
 * <p>Loading is all or nothing: an unsafe file, a jar PF4J cannot load, a plugin whose extensions fail to
 * link, or a duplicate type makes {@link #load} throw a {@link PluginLoadException} listing every problem.
 */
public final class PluginHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private final PluginManager manager;
  private final List<LoadedPlugin> plugins;
  private final ExtensionRegistry<HealthCheckFactory> checks;
  private final ExtensionRegistry<NotifierFactory> notifiers;
  private final ExtensionRegistry<TransportFactory> transports;
  private final BuiltIns builtIns;
  /** The jars it was loaded from, to tell whether a rescan finds anything new. */
  private final List<JarStamp> jars;

  private PluginHost(PluginManager manager, List<LoadedPlugin> plugins, ExtensionRegistry<HealthCheckFactory> checks,
      ExtensionRegistry<NotifierFactory> notifiers, ExtensionRegistry<TransportFactory> transports,
      BuiltIns builtIns, List<JarStamp> jars) {
    this.builtIns = builtIns;
    this.jars = List.copyOf(jars);
    this.manager = manager;
    this.plugins = List.copyOf(plugins);
    this.checks = checks;
    this.notifiers = notifiers;
    this.transports = transports;
  }

  /** The default plugin directory: {@code $vipd.home/plugins} ({@code vipd.home} defaults to the working directory). */
  public static Path defaultDirectory() {
    return Path.of(System.getProperty("vipd.home", "."), "plugins");
  }

  /**
   * Like {@link #load(Path, BuiltIns)}, but a directory that does not exist gives a host with the built-ins
   * only (a daemon whose configuration uses no plugin types needs no plugin directory).
   */
  public static PluginHost loadIfPresent(Path directory, BuiltIns builtIns) {
    if (Files.exists(directory)) {
      return load(directory, builtIns);
    }
    LOG.info("plugin directory {} does not exist: only built-in types are available", directory);
    return builtInsOnly(builtIns);
  }

  /** A host without plugins: the built-in types only. */
  public static PluginHost builtInsOnly(BuiltIns builtIns) {
    List<String> problems = new ArrayList<>();
    ExtensionRegistry<HealthCheckFactory> checks = new ExtensionRegistry<>(ExtensionKind.CHECK);
    ExtensionRegistry<NotifierFactory> notifiers = new ExtensionRegistry<>(ExtensionKind.NOTIFIER);
    ExtensionRegistry<TransportFactory> transports = new ExtensionRegistry<>(ExtensionKind.TRANSPORT);
    registerBuiltIns(builtIns, checks, notifiers, transports, problems);
    if (!problems.isEmpty()) {
      throw new PluginLoadException(problems);
    }
    return new PluginHost(null, List.of(), checks, notifiers, transports, builtIns, List.of());
  }

  /** Loads {@code directory} after checking it with {@link PluginDirectoryGuard#forCurrentUser()}. */
  public static PluginHost load(Path directory, BuiltIns builtIns) {
    return load(directory, builtIns, PluginDirectoryGuard.forCurrentUser());
  }

  /**
   * Verifies, loads and starts every plugin jar in {@code directory} and registers its extensions.
   *
   * @throws PluginLoadException listing every problem; nothing stays loaded then
   */
  public static PluginHost load(Path directory, BuiltIns builtIns, PluginDirectoryGuard guard) {
    List<Path> jars = guard.verify(directory);
    List<String> problems = new ArrayList<>();
    ExtensionRegistry<HealthCheckFactory> checks = new ExtensionRegistry<>(ExtensionKind.CHECK);
    ExtensionRegistry<NotifierFactory> notifiers = new ExtensionRegistry<>(ExtensionKind.NOTIFIER);
    ExtensionRegistry<TransportFactory> transports = new ExtensionRegistry<>(ExtensionKind.TRANSPORT);
    registerBuiltIns(builtIns, checks, notifiers, transports, problems);

    PluginManager manager = new VipdPluginManager(directory);
    manager.loadPlugins();
    manager.startPlugins();
    reportJarsThatDidNotLoad(manager, jars, problems);

    List<LoadedPlugin> loaded = new ArrayList<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      if (plugin.getPluginState() != PluginState.STARTED) {
        problems.add("plugin '" + plugin.getPluginId() + "' (" + plugin.getPluginPath() + ") did not start: "
            + describe(plugin.getFailedException()));
        continue;
      }
      Map<ExtensionKind, List<String>> types = new EnumMap<>(ExtensionKind.class);
      int before = problems.size();
      register(manager, plugin, ExtensionKind.CHECK, HealthCheckFactory.class, checks, types, problems);
      register(manager, plugin, ExtensionKind.NOTIFIER, NotifierFactory.class, notifiers, types, problems);
      register(manager, plugin, ExtensionKind.TRANSPORT, TransportFactory.class, transports, types, problems);
      if (problems.size() == before && types.isEmpty()) {
        problems.add("plugin '" + plugin.getPluginId() + "' (" + plugin.getPluginPath() + ") is broken: it provides"
            + " no check, notifier or transport. Its extensions " + manager.getExtensionClassNames(plugin.getPluginId())
            + " failed to load (a class the host lacks? see the log), META-INF/extensions.idx is missing, or ha-api"
            + " is packaged inside the jar (declare it <scope>provided</scope>)");
      }
      loaded.add(new LoadedPlugin(plugin.getPluginId(), plugin.getDescriptor().getVersion(), plugin.getPluginPath(),
          types));
    }
    if (!problems.isEmpty()) {
      close(manager);
      throw new PluginLoadException(problems);
    }
    loaded.forEach(p -> LOG.debug("loaded plugin {} {} from {}: {}", p.id(), p.version(), p.jar(), p.types()));
    return new PluginHost(manager, loaded, checks, notifiers, transports, builtIns, JarStamp.of(jars));
  }

  private static void registerBuiltIns(BuiltIns builtIns, ExtensionRegistry<HealthCheckFactory> checks,
      ExtensionRegistry<NotifierFactory> notifiers, ExtensionRegistry<TransportFactory> transports,
      List<String> problems) {
    builtIns.checks().forEach(f -> checks.add(f.type(), f, Registered.BUILT_IN).ifPresent(problems::add));
    builtIns.notifiers().forEach(f -> notifiers.add(f.type(), f, Registered.BUILT_IN).ifPresent(problems::add));
    builtIns.transports().forEach(f -> transports.add(f.type(), f, Registered.BUILT_IN).ifPresent(problems::add));
  }

  private static <F> void register(PluginManager manager, PluginWrapper plugin, ExtensionKind kind, Class<F> point,
      ExtensionRegistry<F> registry, Map<ExtensionKind, List<String>> types, List<String> problems) {
    List<F> factories;
    try {
      factories = manager.getExtensions(point, plugin.getPluginId());
    } catch (Throwable e) { // NoClassDefFoundError from a thin plugin whose dependency the host lacks
      problems.add("plugin '" + plugin.getPluginId() + "' (" + plugin.getPluginPath() + ") is broken: its "
          + kind.noun() + " extensions cannot be loaded: " + describe(e));
      return;
    }
    for (F factory : factories) {
      String type;
      try {
        type = kind.typeOf(factory);
      } catch (Throwable e) {
        problems.add("plugin '" + plugin.getPluginId() + "' is broken: " + factory.getClass().getName()
            + ".type() failed: " + describe(e));
        continue;
      }
      registry.add(type, factory, plugin.getPluginId()).ifPresent(problems::add);
      types.computeIfAbsent(kind, k -> new ArrayList<>()).add(type);
    }
  }

  private static void reportJarsThatDidNotLoad(PluginManager manager, List<Path> jars, List<String> problems) {
    Set<Path> loaded = manager.getPlugins().stream()
        .map(p -> p.getPluginPath().toAbsolutePath().normalize())
        .collect(Collectors.toSet());
    for (Path jar : jars) {
      if (!loaded.contains(jar.toAbsolutePath().normalize())) {
        problems.add("plugin jar " + jar + " was not loaded: it needs a manifest with Plugin-Id and Plugin-Version,"
            + " and an id no other jar uses (see the log for PF4J's reason)");
      }
    }
  }

  private static String describe(Throwable e) {
    if (e == null) {
      return "unknown reason (see the log)";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static void close(PluginManager manager) {
    try {
      manager.stopPlugins();
      manager.unloadPlugins();
    } catch (RuntimeException e) {
      LOG.warn("unloading plugins failed", e);
    }
  }

  /**
   * A reload's look at {@code directory}: this host when it holds the same jars (names, sizes, modification
   * times) as when this host was loaded, else a new host over it with the same built-ins (a jar dropped in
   * since start-up can then be named). This host stays open either way: what it created may still run.
   *
   * @throws PluginLoadException as {@link #load} does
   */
  public PluginHost rescan(Path directory) {
    boolean exists = Files.exists(directory);
    List<JarStamp> now = exists ? JarStamp.of(PluginDirectoryGuard.forCurrentUser().verify(directory)) : List.of();
    if (now.equals(jars)) {
      return this;
    }
    return exists ? load(directory, builtIns) : builtInsOnly(builtIns);
  }

  /** One plugin jar as a rescan compares it. */
  private record JarStamp(Path jar, long size, long modifiedMillis) {
    static List<JarStamp> of(List<Path> jars) {
      List<JarStamp> stamps = new ArrayList<>();
      for (Path jar : jars) {
        try {
          stamps.add(new JarStamp(jar.toAbsolutePath().normalize(), Files.size(jar),
              Files.getLastModifiedTime(jar).toMillis()));
        } catch (IOException e) {
          stamps.add(new JarStamp(jar.toAbsolutePath().normalize(), -1, -1)); // a load reports the problem
        }
      }
      return stamps;
    }
  }

  /** Health check factories by type. */
  public ExtensionRegistry<HealthCheckFactory> checks() {
    return checks;
  }

  /** Notifier factories by type. */
  public ExtensionRegistry<NotifierFactory> notifiers() {
    return notifiers;
  }

  /** Transport factories by type. */
  public ExtensionRegistry<TransportFactory> transports() {
    return transports;
  }

  /** The loaded plugins, in PF4J's load order. */
  public List<LoadedPlugin> plugins() {
    return plugins;
  }

  /** Stops and unloads every plugin; factories and the objects they created must not be used afterwards. */
  @Override
  public void close() {
    if (manager != null) {
      close(manager);
    }
  }
}
