package io.vipd.plugins.check.tcp;

import io.vertx.core.json.JsonObject;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import org.pf4j.Extension;

/** {@code type: tcp}: connects to host:port, optionally sends a line and expects a reply prefix. */
@Extension
public final class TcpHealthCheckFactory implements HealthCheckFactory {

  @Override
  public String type() {
    return "tcp";
  }

  @Override
  public HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException {
    return new TcpHealthCheck(context.vertx(), TcpCheckConfig.parse(config));
  }
}
