package io.vipd.daemon;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.Notifier;
import io.vipd.api.NotifierFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.SecretResolver;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import io.vipd.config.CheckConfig;
import io.vipd.config.ConfigException;
import io.vipd.config.ConfigProblem;
import io.vipd.config.InstanceConfig;
import io.vipd.config.NotifierConfig;
import io.vipd.config.TransportConfig;
import io.vipd.config.VipdConfig;
import io.vipd.plugin.DaemonPluginContext;
import io.vipd.plugin.ExtensionRegistry;
import io.vipd.plugin.PluginHost;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates the configured checks, notifiers and transports through their factories, so that plugin
 * settings are validated with file, line and column by {@code vipd validate} and {@code vipd run} alike.
 * Nothing here connects anywhere: factories only validate and build.
 */
public final class Extensions {
  private final VipdConfig config;
  private final PluginHost host;
  private final Vertx vertx;
  private final SecretResolver secrets;
  private final List<ConfigProblem> problems = new ArrayList<>();

  public Extensions(VipdConfig config, PluginHost host, Vertx vertx, SecretResolver secrets) {
    this.config = config;
    this.host = host;
    this.vertx = vertx;
    this.secrets = secrets;
  }

  /** Every configured check by name. */
  public Map<String, HealthCheck> checks() {
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    for (CheckConfig check : config.checks().values()) {
      HealthCheckFactory factory = factory(host.checks(), check.type(), check.location(), "checks." + check.name());
      if (factory != null) {
        create(check.name(), check.type(), check.settings()::problemsOf, "checks." + check.name(), check.location(),
            () -> factory.create(context(check.type(), check.name()), check.settings().values()))
            .ifPresent(c -> checks.put(check.name(), c));
      }
    }
    return checks;
  }

  /** Every configured notifier by name. */
  public Map<String, Notifier> notifiers() {
    Map<String, Notifier> notifiers = new LinkedHashMap<>();
    for (NotifierConfig notifier : config.notifiers().values()) {
      NotifierFactory factory =
          factory(host.notifiers(), notifier.type(), notifier.location(), "notifiers." + notifier.name());
      if (factory != null) {
        create(notifier.name(), notifier.type(), notifier.settings()::problemsOf, "notifiers." + notifier.name(),
            notifier.location(),
            () -> factory.create(context(notifier.type(), notifier.name()), notifier.settings().values()))
            .ifPresent(n -> notifiers.put(notifier.name(), n));
      }
    }
    return notifiers;
  }

  /** The transport of {@code instance}, whose adverts come from {@code source}; null when it has problems. */
  public AdvertTransport transport(InstanceConfig instance, InetAddress source) {
    TransportConfig transport = instance.transport();
    String path = "instances." + instance.name() + ".transport";
    TransportFactory factory = factory(host.transports(), transport.type(), instance.location(), path);
    if (factory == null) {
      return null;
    }
    TransportInstance target = new TransportInstance(instance.name(), instance.interfaceName(), instance.vrid(),
        instance.ipv6(), source);
    return create(instance.name(), transport.type(), transport.settings()::problemsOf, path, instance.location(),
        () -> factory.create(context(transport.type(), instance.name()), target, transport.settings().values()))
        .orElse(null);
  }

  /** Throws every problem found by the calls so far, if any. */
  public void throwIfProblems() throws ConfigException {
    if (!problems.isEmpty()) {
      throw new ConfigException(List.copyOf(problems));
    }
  }

  private DaemonPluginContext context(String type, String name) {
    return DaemonPluginContext.of(vertx, config.node(), type, name, secrets);
  }

  private <F> F factory(ExtensionRegistry<F> registry, String type, io.vipd.config.ConfigLocation location, String path) {
    return registry.get(type).orElseGet(() -> {
      problems.add(new ConfigProblem(location, path + ".type",
          "no " + registry.kind().noun() + " plugin provides type '" + type + "' (known: "
              + String.join(", ", registry.types()) + ")"));
      return null;
    });
  }

  private <T> java.util.Optional<T> create(String name, String type,
      Function<PluginConfigException, List<ConfigProblem>> locate, String path,
      io.vipd.config.ConfigLocation location, Creation<T> creation) {
    try {
      return java.util.Optional.of(creation.create());
    } catch (PluginConfigException e) {
      problems.addAll(locate.apply(e));
    } catch (RuntimeException | LinkageError e) {
      problems.add(new ConfigProblem(location, path,
          "the " + type + " plugin failed to create '" + name + "': " + e));
    }
    return java.util.Optional.empty();
  }

  @FunctionalInterface
  private interface Creation<T> {
    T create() throws PluginConfigException;
  }
}
