package io.vipd.testkit;

import io.vertx.core.Vertx;
import io.vipd.api.PluginContext;
import io.vipd.api.SecretResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginContext} a plugin gets in tests: the test's Vert.x, node {@code db1}, and a
 * secret resolver that passes values through (the daemon resolves secrets before a factory runs).
 */
public record TestPluginContext(Vertx vertx, String name) implements PluginContext {
  /** The node name every test plugin sees. */
  public static final String NODE = "db1";

  @Override
  public String nodeName() {
    return NODE;
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("io.vipd.plugins." + name);
  }

  @Override
  public SecretResolver secrets() {
    return value -> value;
  }
}
