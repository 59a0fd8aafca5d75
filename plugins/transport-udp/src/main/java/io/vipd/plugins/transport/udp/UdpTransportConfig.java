package io.vipd.plugins.transport.udp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.Durations;
import io.vipd.api.IpLiterals;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import io.vipd.api.TransportInstance;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated {@code transport:} mapping of one {@code type: udp} instance.
 *
 * @param port the UDP port this node listens on, and the default port of peers and of the group
 * @param peers where adverts go (unless {@code group} is set), and the only sources accepted when non-empty
 * @param group a multicast group to send to and join on the instance's interface, or null
 * @param bind the local address to listen on, or null for the instance's source address (the wildcard
 *     address with a group)
 * @param key the key adverts are signed with
 * @param previousKey a second key accepted on receive only (during a rotation), or null
 * @param replayWindow how far a datagram's timestamp may be from our clock, and how late it may arrive
 */
record UdpTransportConfig(
    int port,
    List<Peer> peers,
    InetAddress group,
    InetAddress bind,
    AuthKey key,
    AuthKey previousKey,
    Duration replayWindow) {

  /** 5798, after RFC 5798 (VRRPv3); not corosync's 5405, which often runs on the same hosts. */
  static final int DEFAULT_PORT = 5798;
  static final int DEFAULT_KEY_ID = 1;
  static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofSeconds(10);
  static final Duration MIN_REPLAY_WINDOW = Duration.ofSeconds(1);
  static final Duration MAX_REPLAY_WINDOW = Duration.ofMinutes(10);

  private static final Set<String> KEYS = new TreeSet<>(Set.of(
      "port", "peers", "group", "bind", "key", "key-id", "previous-key", "previous-key-id", "replay-window"));
  private static final String KEY_HINT = "generate one with: head -c 32 /dev/urandom | base64 > /etc/vipd/vrrp.key";

  UdpTransportConfig {
    peers = List.copyOf(peers);
  }

  /** The keys a received datagram may be signed with, by id. */
  Map<Integer, AuthKey> acceptedKeys() {
    Map<Integer, AuthKey> keys = new LinkedHashMap<>();
    keys.put(key.id(), key);
    if (previousKey != null) {
      keys.put(previousKey.id(), previousKey);
    }
    return Map.copyOf(keys);
  }

  /** Whether a datagram from {@code source} is considered at all: any source with a group and no peers. */
  boolean acceptsFrom(InetAddress source) {
    return peers.isEmpty() || peers.stream().anyMatch(p -> p.address().equals(source));
  }

  /** Where each advert is sent: the group, or every peer. */
  List<Peer> destinations() {
    return group != null ? List.of(new Peer(group, port)) : peers;
  }

  /**
   * Reads and checks {@code config}.
   *
   * @throws PluginConfigException listing every problem found
   */
  static UdpTransportConfig parse(JsonObject config, TransportInstance instance) throws PluginConfigException {
    List<Problem> problems = new ArrayList<>();
    for (String name : config.fieldNames()) {
      if (!KEYS.contains(name)) {
        problems.add(new Problem(name, "unknown key (known: " + String.join(", ", KEYS) + ")"));
      }
    }
    int port = DEFAULT_PORT;
    if (config.getValue("port") != null) {
      try {
        port = Peer.port(config.getValue("port"));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("port", e.getMessage()));
      }
    }
    InetAddress group = address(config, "group", instance, problems);
    if (group != null && !group.isMulticastAddress()) {
      problems.add(new Problem("group", group.getHostAddress() + " is not a multicast address"));
    }
    InetAddress bind = address(config, "bind", instance, problems);
    List<Peer> peers = peers(config, port, instance, group != null, problems);
    AuthKey key = key(config, "key", "key-id", true, problems);
    AuthKey previous = key(config, "previous-key", "previous-key-id", false, problems);
    if (key != null && previous != null && key.id() == previous.id()) {
      problems.add(new Problem("previous-key-id",
          "must differ from key-id (" + key.id() + "): the id tells the receiver which key to check"));
    }
    Duration window = DEFAULT_REPLAY_WINDOW;
    if (config.getValue("replay-window") != null) {
      try {
        window = Durations.parse(String.valueOf(config.getValue("replay-window")));
        if (window.compareTo(MIN_REPLAY_WINDOW) < 0 || window.compareTo(MAX_REPLAY_WINDOW) > 0) {
          problems.add(new Problem("replay-window", "must be between 1s and 10m"));
        }
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("replay-window", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new PluginConfigException(problems);
    }
    return new UdpTransportConfig(port, peers, group, bind, key, previous, window);
  }

  private static List<Peer> peers(
      JsonObject config, int port, TransportInstance instance, boolean hasGroup, List<Problem> problems) {
    Object value = config.getValue("peers");
    List<Object> items = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(items::add);
    } else if (value instanceof String single) {
      items.add(single);
    } else if (value != null) {
      problems.add(new Problem("peers", "expected a list of host or host:port"));
      return List.of();
    }
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "peers[" + i + "]";
      if (!(items.get(i) instanceof String text)) {
        problems.add(new Problem(path, "expected host or host:port, got " + items.get(i)));
        continue;
      }
      try {
        Peer peer = Peer.parse(text, port);
        if (familyMismatch(peer.address(), instance)) {
          problems.add(new Problem(path, familyMessage(peer.address(), instance)));
        } else {
          peers.add(peer);
        }
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(path, e.getMessage()));
      }
    }
    if (items.isEmpty() && !hasGroup) {
      problems.add(new Problem("peers", "list at least one peer (host or host:port), or set group"));
    }
    return peers;
  }

  private static InetAddress address(
      JsonObject config, String name, TransportInstance instance, List<Problem> problems) {
    Object value = config.getValue(name);
    if (value == null) {
      return null;
    }
    try {
      InetAddress address = IpLiterals.require(String.valueOf(value).trim());
      if (familyMismatch(address, instance)) {
        problems.add(new Problem(name, familyMessage(address, instance)));
        return null;
      }
      return address;
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(name, e.getMessage()));
      return null;
    }
  }

  private static AuthKey key(
      JsonObject config, String keyName, String idName, boolean required, List<Problem> problems) {
    Object text = config.getValue(keyName);
    Object idValue = config.getValue(idName);
    int id = DEFAULT_KEY_ID;
    boolean idValid = true;
    if (idValue != null) {
      try {
        id = keyId(idValue);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(idName, e.getMessage()));
        idValid = false;
      }
    }
    if (text == null) {
      if (required) {
        problems.add(new Problem(keyName, "is required: a shared secret of at least 32 bytes, hex or base64; "
            + KEY_HINT + " and write key: ${file:/etc/vipd/vrrp.key}"));
      } else if (idValue != null) {
        problems.add(new Problem(idName, "is set but " + keyName + " is not"));
      }
      return null;
    }
    if (!required && idValue == null) {
      problems.add(new Problem(idName, "is required with " + keyName + " (and must differ from key-id)"));
      idValid = false;
    }
    if (!(text instanceof String string)) {
      problems.add(new Problem(keyName, "expected a hex or base64 string"));
      return null;
    }
    byte[] secret;
    try {
      secret = KeyText.decode(string);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(keyName, e.getMessage() + "; " + KEY_HINT));
      return null;
    }
    if (secret.length < AuthKey.MIN_LENGTH) {
      problems.add(new Problem(keyName,
          "is " + secret.length + " bytes, needs at least " + AuthKey.MIN_LENGTH + "; " + KEY_HINT));
      return null;
    }
    return idValid ? new AuthKey(id, secret) : null;
  }

  private static int keyId(Object value) {
    String text = String.valueOf(value).trim();
    if ((value instanceof Number || value instanceof String) && text.matches("\\d{1,3}")) {
      int id = Integer.parseInt(text);
      if (id <= 255) {
        return id;
      }
    }
    throw new IllegalArgumentException("expected a number 0..255, got '" + value + "'");
  }

  private static boolean familyMismatch(InetAddress address, TransportInstance instance) {
    return (address instanceof Inet6Address) != instance.ipv6();
  }

  private static String familyMessage(InetAddress address, TransportInstance instance) {
    return address.getHostAddress() + " is " + (address instanceof Inet6Address ? "IPv6" : "IPv4")
        + " but instance " + instance.name() + " is " + (instance.ipv6() ? "IPv6" : "IPv4");
  }
}
