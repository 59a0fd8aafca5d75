package io.vipd.transport;

import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;

/** {@code transport: {type: multicast}}, the default; it takes no settings. */
public final class MulticastTransportFactory implements TransportFactory {
  public static final String TYPE = "multicast";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public AdvertTransport create(PluginContext context, TransportInstance instance, JsonObject config)
      throws PluginConfigException {
    if (config != null && !config.isEmpty()) {
      throw new PluginConfigException(config.fieldNames().stream().sorted()
          .map(key -> new PluginConfigException.Problem(key, "unknown setting; the multicast transport takes none"))
          .toList());
    }
    return new MulticastTransport(context.vertx(), instance);
  }

}
