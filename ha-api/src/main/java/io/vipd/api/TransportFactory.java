package io.vipd.api;

import io.vertx.core.json.JsonObject;
import org.pf4j.ExtensionPoint;

/**
 * Extension point for advert transports: how VRRP adverts reach the other routers of a group. The core
 * provides {@code multicast} (the default, IP protocol 112 to 224.0.0.18 / ff02::12) and {@code unicast}.
 */
public interface TransportFactory extends ExtensionPoint {

  /** The value of {@code transport.type} in the YAML that selects this factory ({@code udp}). */
  String type();

  /**
   * Validates {@code config} and creates a transport for one VRRP instance. Must not open sockets yet.
   *
   * @param instance what the transport serves
   * @param config the {@code transport:} mapping without {@code type}; secrets already resolved
   * @throws PluginConfigException listing every problem in {@code config}
   */
  AdvertTransport create(PluginContext context, TransportInstance instance, JsonObject config)
      throws PluginConfigException;
}
