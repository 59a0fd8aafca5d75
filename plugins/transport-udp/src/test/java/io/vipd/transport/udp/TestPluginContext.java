package io.vipd.transport.udp;

import io.vertx.core.Vertx;
import io.vipd.api.PluginContext;
import io.vipd.api.SecretResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PluginContext the daemon would lend, minus the daemon. */
record TestPluginContext(Vertx vertx, String name) implements PluginContext {

  @Override
  public String nodeName() {
    return "test-node";
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("io.vipd.transport.udp." + name);
  }

  @Override
  public SecretResolver secrets() {
    return value -> value;
  }
}
