package io.vipd.transport;

import io.vipd.api.IpLiterals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import io.vipd.api.PluginContext;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code transport: {type: unicast, peers: [10.0.0.2, 10.0.0.3]}}: keepalived's {@code unicast_peer}. Every
 * peer must be of the instance's family; adverts leave from the interface's primary address (the YAML has no
 * key for keepalived's {@code unicast_src_ip}).
 */
public final class UnicastTransportFactory implements TransportFactory {
  public static final String TYPE = "unicast";
  private static final Set<String> KEYS = Set.of("peers", "source");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public AdvertTransport create(PluginContext context, TransportInstance instance, JsonObject config)
      throws PluginConfigException {
    JsonObject settings = config == null ? new JsonObject() : config;
    List<Problem> problems = new ArrayList<>();
    settings.fieldNames().stream().filter(key -> !KEYS.contains(key)).sorted()
        .forEach(key -> problems.add(new Problem(key, "unknown setting; expected peers or source")));

    InetAddress source = null;
    if (settings.getValue("source") != null) {
      source = address(settings.getValue("source"), "source", instance, problems);
    }
    List<InetAddress> peers = new ArrayList<>();
    Object rawPeers = settings.getValue("peers");
    if (!(rawPeers instanceof JsonArray list) || list.isEmpty()) {
      problems.add(new Problem("peers", "a non-empty list of peer addresses is required"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        InetAddress peer = address(list.getValue(i), "peers[" + i + "]", instance, problems);
        if (peer != null) {
          peers.add(peer);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
    return new UnicastTransport(context.vertx(), instance, source, peers);
  }

  private static InetAddress address(Object value, String path, TransportInstance instance, List<Problem> problems) {
    Optional<InetAddress> parsed = value instanceof String text ? IpLiterals.parse(text) : Optional.empty();
    if (parsed.isEmpty()) {
      problems.add(new Problem(path, "'" + value + "' is not an IP address"));
      return null;
    }
    if ((parsed.get() instanceof Inet6Address) != instance.ipv6()) {
      problems.add(new Problem(path, value + " is not an " + (instance.ipv6() ? "IPv6" : "IPv4")
          + " address like the instance's"));
      return null;
    }
    return parsed.get();
  }
}
