package io.vipd.plugins.check.exec;

import io.vertx.core.json.JsonObject;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import org.pf4j.Extension;

/** {@code type: exec}: runs a command; exit 0 is UP, anything else DOWN (keepalived track_script semantics). */
@Extension
public final class ExecHealthCheckFactory implements HealthCheckFactory {

  @Override
  public String type() {
    return "exec";
  }

  @Override
  public HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException {
    return new ExecHealthCheck(context.vertx(), ExecCheckConfig.parse(config));
  }
}
