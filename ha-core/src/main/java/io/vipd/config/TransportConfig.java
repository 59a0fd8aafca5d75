package io.vipd.config;

import java.net.InetAddress;
import java.util.List;

/** How an instance's adverts travel: {@code transport: {type: multicast}} (default), unicast or a plugin. */
public sealed interface TransportConfig
    permits TransportConfig.Multicast, TransportConfig.Unicast, TransportConfig.Plugin {

  /** The {@code type:} value. */
  String type();

  /** IP protocol 112 to 224.0.0.18 / ff02::12 (RFC 5798 section 5.1.1.2 / 5.1.2.2). */
  record Multicast() implements TransportConfig {
    @Override
    public String type() {
      return "multicast";
    }
  }

  /** IP protocol 112 sent to each peer, for networks without multicast. */
  record Unicast(List<InetAddress> peers) implements TransportConfig {
    public Unicast {
      peers = List.copyOf(peers);
    }

    @Override
    public String type() {
      return "unicast";
    }
  }

  /** A transport provided by a plugin's {@code TransportFactory} of this type. */
  record Plugin(String type, PluginSettings settings) implements TransportConfig {}
}
