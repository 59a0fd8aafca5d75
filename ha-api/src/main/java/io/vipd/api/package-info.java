/**
 * The vipd plugin contract.
 *
 * <p>A plugin is a PF4J jar that provides one or more extensions of the three extension points
 * {@link io.vipd.api.HealthCheckFactory}, {@link io.vipd.api.NotifierFactory} and
 * {@link io.vipd.api.TransportFactory}. Each factory is keyed by a {@code type()} string that the
 * YAML configuration names ({@code type: mysql}). The factory receives a {@link io.vipd.api.PluginContext}
 * and its configuration as a {@link io.vertx.core.json.JsonObject}, validates it at load time and
 * throws {@link io.vipd.api.PluginConfigException} listing every problem.
 *
 * <p>All contracts are non-blocking: methods return Vert.x {@link io.vertx.core.Future}s and are
 * called on a Vert.x event-loop thread. Work that must block (JDBC, a process, a file) goes through
 * {@code vertx.executeBlocking}. The daemon puts a timeout on every call and treats an exception,
 * a failed future or a timeout as a failed check or a failed delivery, never as a crash.
 */
package io.vipd.api;
