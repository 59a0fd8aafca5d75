package io.vipd.plugins.transport.udp;

import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import org.pf4j.Extension;

/**
 * {@code transport: {type: udp, ...}}: VRRP adverts in HMAC-SHA256-signed UDP datagrams, unicast to a list of
 * peers or to a multicast group, for networks that drop IP protocol 112 or multicast. See the module README
 * for the configuration keys and the wire format.
 */
@Extension
public final class UdpTransportFactory implements TransportFactory {

  /** The {@code transport.type} that selects this factory. */
  public static final String TYPE = "udp";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public AdvertTransport create(PluginContext context, TransportInstance instance, JsonObject config)
      throws PluginConfigException {
    return new UdpAdvertTransport(context, instance, UdpTransportConfig.parse(config, instance),
        TransportClock.SYSTEM);
  }
}
