package io.vipd.config;

import io.vipd.api.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an instance's {@code transport:} and {@code auth:}, the two parts of how adverts travel. */
final class TransportReader {
  private final NodeReader reader;
  private final PluginSettingsReader plugins;

  TransportReader(NodeReader reader) {
    this.reader = reader;
    this.plugins = new PluginSettingsReader(reader);
  }

  /**
   * @param ipv6 the instance's family, or null when unknown
   * @return the transport (multicast when absent), or null after a problem
   */
  TransportConfig read(Node node, String path, Boolean ipv6) {
    if (node == null) {
      return new TransportConfig.Multicast();
    }
    YamlMapping t = reader.mapping(node, path);
    if (t == null) {
      return null;
    }
    String type = t.required("type", reader::name);
    if (type == null) {
      return null;
    }
    switch (type) {
      case "multicast" -> {
        t.rejectUnknownKeys(Set.of("type"));
        return new TransportConfig.Multicast();
      }
      case "unicast" -> {
        t.rejectUnknownKeys(Set.of("type", "peers"));
        return unicast(t, ipv6);
      }
      default -> {
        return new TransportConfig.Plugin(type, plugins.read(t, Set.of("type")));
      }
    }
  }

  private TransportConfig unicast(YamlMapping t, Boolean ipv6) {
    Node peersNode = t.require("peers");
    List<Node> items = peersNode == null ? null : reader.list(peersNode, t.path("peers"));
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      reader.problem(peersNode, t.path("peers"), "needs at least one peer address");
      return null;
    }
    List<InetAddress> peers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = t.path("peers") + "[" + i + "]";
      InetAddress peer = reader.address(items.get(i), path);
      if (peer != null && ipv6 != null && (peer instanceof Inet6Address) != ipv6) {
        reader.problem(items.get(i), path, "is " + IpLiterals.family(peer) + " but the VIPs are " + (ipv6 ? "IPv6" : "IPv4"));
      } else if (peer != null) {
        peers.add(peer);
      }
    }
    return peers.size() == items.size() ? new TransportConfig.Unicast(peers) : null;
  }

  /** {@code auth: {type: pass, password: ...}}, version 2 only; null when absent or invalid. */
  AuthConfig auth(Node node, String path, Integer version) {
    if (node == null) {
      return null;
    }
    if (Integer.valueOf(3).equals(version)) {
      reader.problem(node, path, "authentication exists in version 2 only (RFC 5798 removed it); remove `auth` or set version: 2");
      return null;
    }
    YamlMapping auth = reader.mapping(node, path);
    if (auth == null) {
      return null;
    }
    auth.rejectUnknownKeys(Set.of("type", "password"));
    String type = auth.string("type", "pass");
    if (!type.equals("pass")) {
      reader.problem(auth.value("type"), auth.path("type"), "must be `pass` (simple password; AH is not supported), got `" + type + "`");
    }
    String password = auth.required("password", reader::string);
    if (password != null && password.length() > AuthConfig.MAX_PASSWORD_LENGTH) {
      reader.problem(
          auth.value("password"),
          auth.path("password"),
          "must be at most " + AuthConfig.MAX_PASSWORD_LENGTH + " characters (RFC 2338 section 5.3.10), got " + password.length());
      return null;
    }
    return password == null ? null : new AuthConfig(new Secret(password));
  }
}
