package io.vipd.api;

import io.vertx.core.Vertx;
import org.slf4j.Logger;

/** What the daemon lends a plugin. Everything a plugin needs comes through here: no statics. */
public interface PluginContext {

  /** The daemon's single Vert.x instance. Do not close it. */
  Vertx vertx();

  /** This node's name from the configuration. */
  String nodeName();

  /** The configured name of the check, notifier or transport being created ({@code mysql-local}). */
  String name();

  /** A logger named after the plugin and {@link #name()}. */
  Logger logger();

  /** Resolves secret references in values read after start-up. */
  SecretResolver secrets();
}
