package io.vipd.plugins.check.mysql;

import io.vertx.core.json.JsonObject;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import org.pf4j.Extension;

/** Creates {@code type: mysql} checks (MySQL and MariaDB). Validates the configuration; never connects. */
@Extension
public final class MysqlHealthCheckFactory implements HealthCheckFactory {

  public static final String TYPE = "mysql";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException {
    return new MysqlHealthCheck(context.vertx(), MysqlCheckConfig.parse(config), context.nodeName(), context.logger());
  }
}
