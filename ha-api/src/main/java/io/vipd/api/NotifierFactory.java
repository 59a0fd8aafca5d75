package io.vipd.api;

import io.vertx.core.json.JsonObject;
import org.pf4j.ExtensionPoint;

/** Extension point for notifiers (webhook, Slack, a command). */
public interface NotifierFactory extends ExtensionPoint {

  /** The value of {@code type:} in the YAML that selects this factory, kebab-case ({@code webhook}). */
  String type();

  /**
   * Validates {@code config} and creates the notifier. Must not connect anywhere.
   *
   * @throws PluginConfigException listing every problem in {@code config}
   */
  Notifier create(PluginContext context, JsonObject config) throws PluginConfigException;
}
