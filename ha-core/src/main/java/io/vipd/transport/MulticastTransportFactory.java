package io.vipd.transport;

import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import io.vipd.api.SettingsReader;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import java.util.Set;

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
    new SettingsReader(config == null ? new JsonObject() : config, Set.of()).done();
    return new MulticastTransport(context.vertx(), instance);
  }

}
