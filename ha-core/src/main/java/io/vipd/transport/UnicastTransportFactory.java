package io.vipd.transport;

import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.IpLiterals;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import io.vipd.api.SettingsReader;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * {@code transport: {type: unicast, peers: [10.0.0.2, 10.0.0.3]}}: keepalived's {@code unicast_peer}. Every
 * peer must be of the instance's family; adverts leave from the instance's source address (its
 * {@code source-address}, else the interface's primary address).
 */
public final class UnicastTransportFactory implements TransportFactory {
  public static final String TYPE = "unicast";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public AdvertTransport create(PluginContext context, TransportInstance instance, JsonObject config)
      throws PluginConfigException {
    SettingsReader settings = new SettingsReader(config == null ? new JsonObject() : config, Set.of("peers"));
    List<InetAddress> peers = settings.requiredAddressList("peers");
    for (int i = 0; i < peers.size(); i++) {
      if ((peers.get(i) instanceof Inet6Address) != instance.ipv6()) {
        settings.problem("peers[" + i + "]", "is " + IpLiterals.family(peers.get(i)) + " but instance "
            + instance.name() + " is " + (instance.ipv6() ? "IPv6" : "IPv4"));
      }
    }
    settings.done();
    return new UnicastTransport(context.vertx(), instance, null, peers);
  }
}
