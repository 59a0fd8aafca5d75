package io.vipd.plugins.check.http;

import io.vertx.core.json.JsonObject;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import org.pf4j.Extension;

/** {@code type: http}: one request per probe; checks status, body and latency. */
@Extension
public final class HttpHealthCheckFactory implements HealthCheckFactory {

  @Override
  public String type() {
    return "http";
  }

  @Override
  public HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException {
    return new HttpHealthCheck(context.vertx(), HttpCheckConfig.parse(config));
  }
}
