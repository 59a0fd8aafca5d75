package io.vipd.check.mysql;

import io.vertx.core.Vertx;
import io.vipd.api.PluginContext;
import io.vipd.api.SecretResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context a daemon would lend the plugin: a real Vert.x, a node name, a logger, no secrets. */
record StubPluginContext(Vertx vertx, String nodeName, String name) implements PluginContext {

  StubPluginContext(Vertx vertx) {
    this(vertx, "node-a", "mysql-test");
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("check-mysql." + name);
  }

  @Override
  public SecretResolver secrets() {
    return value -> value;
  }
}
