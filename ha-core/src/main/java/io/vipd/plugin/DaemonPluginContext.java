package io.vipd.plugin;

import io.vertx.core.Vertx;
import io.vipd.api.PluginContext;
import io.vipd.api.SecretResolver;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's {@link PluginContext}: one per configured check, notifier or transport.
 *
 * @param vertx the daemon's Vert.x instance
 * @param nodeName this node's configured name
 * @param name the configured name of the thing being created
 * @param logger a logger named {@code vipd.plugin.<type>.<name>}
 * @param secrets the daemon's secret resolver
 */
public record DaemonPluginContext(Vertx vertx, String nodeName, String name, Logger logger, SecretResolver secrets)
    implements PluginContext {

  public DaemonPluginContext {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(logger, "logger");
    Objects.requireNonNull(secrets, "secrets");
  }

  /** A context whose logger is named after the extension's {@code type} and its configured {@code name}. */
  public static DaemonPluginContext of(Vertx vertx, String nodeName, String type, String name, SecretResolver secrets) {
    return new DaemonPluginContext(
        vertx, nodeName, name, LoggerFactory.getLogger("vipd.plugin." + type + "." + name), secrets);
  }
}
