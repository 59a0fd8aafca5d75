package io.vipd.api;

import io.vertx.core.json.JsonObject;
import org.pf4j.ExtensionPoint;

/**
 * Extension point for health checks. Implementations are annotated with {@code @org.pf4j.Extension}
 * and named qualifier + role ({@code MysqlHealthCheckFactory}).
 */
public interface HealthCheckFactory extends ExtensionPoint {

  /** The value of {@code type:} in the YAML that selects this factory, kebab-case ({@code mysql}). */
  String type();

  /**
   * Validates {@code config} and creates the check. Called once at start-up, and by
   * {@code vipd validate}, so it must not connect anywhere.
   *
   * @param context what the daemon lends the plugin
   * @param config the check's YAML mapping without the keys the daemon owns ({@code type},
   *     {@code interval}, {@code timeout}, {@code rise}, {@code fall}); secrets already resolved
   * @throws PluginConfigException listing every problem in {@code config}
   */
  HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException;
}
