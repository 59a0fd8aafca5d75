package io.vipd.plugins.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.IpLiterals;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import io.vipd.api.TransportInstance;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UdpTransportConfigTest {

  private static final TransportInstance V4 =
      new TransportInstance("vi_1", "eth0", 51, false, IpLiterals.require("10.99.0.1"));
  private static final TransportInstance V6 =
      new TransportInstance("vi_6", "eth0", 51, true, IpLiterals.require("fd99::1"));
  private static final String KEY_B64 = "q6dWrBQJbRlM3Y3d+e3HqkJ/3yoFq8t9nFmtf6QPzeE=\n";
  private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  @Test
  void peersAndAKeyAreEnoughEverythingElseHasADefault() throws Exception {
    UdpTransportConfig config = UdpTransportConfig.parse(
        new JsonObject().put("key", KEY_B64).put("peers", new JsonArray().add("10.99.0.2").add("10.99.0.3:6000")),
        V4);

    assertThat(config.port()).isEqualTo(5798);
    assertThat(config.peers()).extracting(Peer::toString).containsExactly("10.99.0.2:5798", "10.99.0.3:6000");
    assertThat(config.key().id()).isEqualTo(1);
    assertThat(config.key().secret()).hasSize(32);
    assertThat(config.previousKey()).isNull();
    assertThat(config.group()).isNull();
    assertThat(config.bind()).isNull();
    assertThat(config.replayWindow()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.destinations()).isEqualTo(config.peers());
  }

  @Test
  void everyKeyCanBeSet() throws Exception {
    UdpTransportConfig config = UdpTransportConfig.parse(new JsonObject()
        .put("port", 7000).put("group", "239.99.0.18").put("bind", "0.0.0.0")
        .put("key", KEY_HEX).put("key-id", 2).put("previous-key", KEY_B64).put("previous-key-id", "1")
        .put("replay-window", "30s"), V4);

    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.group()).isEqualTo(InetAddress.getByName("239.99.0.18"));
    assertThat(config.destinations()).extracting(Peer::toString).containsExactly("239.99.0.18:7000");
    assertThat(config.acceptsFrom(InetAddress.getByName("10.99.0.77"))).isTrue();
    assertThat(config.key().secret()).isEqualTo(HexFormat.of().parseHex(KEY_HEX));
    assertThat(config.acceptedKeys()).containsOnlyKeys(1, 2);
    assertThat(config.replayWindow()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void ipv6PeersAreWrittenInBracketsWithAPort() throws Exception {
    UdpTransportConfig config = UdpTransportConfig.parse(new JsonObject().put("key", KEY_HEX)
        .put("peers", new JsonArray().add("fd99::2").add("[fd99::3]:6000")), V6);

    assertThat(config.peers()).extracting(Peer::toString).containsExactly("[fd99:0:0:0:0:0:0:2]:5798",
        "[fd99:0:0:0:0:0:0:3]:6000");
    assertThat(config.acceptsFrom(IpLiterals.require("fd99::3"))).isTrue();
    assertThat(config.acceptsFrom(IpLiterals.require("fd99::4"))).isFalse();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    PluginConfigException e = rejected(new JsonObject()
        .put("port", 70000)
        .put("peers", new JsonArray().add("db1.example.com").add("10.99.0.2:http").add("fd99::2"))
        .put("replay-window", "soon")
        .put("colour", "blue"));

    assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
        "colour", "port", "peers[0]", "peers[1]", "peers[2]", "key", "replay-window");
    assertThat(e.getMessage())
        .contains("port: port 70000 is outside 1..65535")
        .contains("peers[0]: must be an IP address (names are not resolved), got `db1.example.com`")
        .contains("replay-window: must be a duration like `100ms`, `1s`, `2.5s` or `1m`, got `soon`")
        .contains("peers[2]: fd99:0:0:0:0:0:0:2 is IPv6 but instance vi_1 is IPv4")
        .contains("key: is required")
        .contains("head -c 32 /dev/urandom | base64 > /etc/vipd/vrrp.key");
  }

  @Test
  void aShortKeyIsRejectedWithoutEchoingIt() {
    PluginConfigException e = rejected(peers().put("key", "c2hvcnQta2V5"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("key");
      assertThat(p.message()).startsWith("is 9 bytes, needs at least 32").doesNotContain("c2hvcnQta2V5");
    });
  }

  @Test
  void aKeyThatIsNeitherHexNorBase64IsRejected() {
    PluginConfigException e = rejected(peers().put("key", "not a key! not a key! not a key! not a key!"));

    assertThat(e.getMessage()).startsWith("key: is neither hex nor base64").doesNotContain("not a key");
  }

  @Test
  void noPeersAndNoGroupIsRejected() {
    PluginConfigException e = rejected(new JsonObject().put("key", KEY_B64).put("peers", new JsonArray()));

    assertThat(e.getMessage()).isEqualTo("peers: list at least one peer (host or host:port), or set group");
  }

  @Test
  void aGroupMustBeMulticast() {
    PluginConfigException e = rejected(new JsonObject().put("key", KEY_B64).put("group", "10.99.0.9"));

    assertThat(e.getMessage()).isEqualTo("group: 10.99.0.9 is not a multicast address");
  }

  @Test
  void thePreviousKeyNeedsAnIdOfItsOwn() {
    assertThat(rejected(peers().put("key", KEY_B64).put("previous-key", KEY_HEX)).getMessage())
        .isEqualTo("previous-key-id: is required with previous-key (and must differ from key-id)");
    assertThat(rejected(peers().put("key", KEY_B64).put("previous-key", KEY_HEX).put("previous-key-id", 1))
        .getMessage()).startsWith("previous-key-id: must differ from key-id (1)");
    assertThat(rejected(peers().put("key", KEY_B64).put("key-id", 256)).getMessage())
        .isEqualTo("key-id: expected a number 0..255, got '256'");
  }

  private static JsonObject peers() {
    return new JsonObject().put("peers", new JsonArray().add("10.99.0.2"));
  }

  private static PluginConfigException rejected(JsonObject config) {
    PluginConfigException e = catchThrowableOfType(PluginConfigException.class,
        () -> new UdpTransportFactory().create(null, V4, config));
    assertThat(e).as("config %s should be rejected", config).isNotNull();
    return e;
  }
}
