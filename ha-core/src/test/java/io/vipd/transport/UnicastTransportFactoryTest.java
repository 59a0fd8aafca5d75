package io.vipd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginConfigException.Problem;
import io.vipd.api.PluginContext;
import io.vipd.api.SecretResolver;
import io.vipd.api.TransportInstance;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Configuration of the core transports: every problem reported with its key, nothing resolved by DNS. */
class UnicastTransportFactoryTest {
  private final Vertx vertx = Vertx.vertx();
  private final PluginContext context = new PluginContext() {
    @Override
    public Vertx vertx() {
      return vertx;
    }

    @Override
    public String nodeName() {
      return "node-a";
    }

    @Override
    public String name() {
      return "peers";
    }

    @Override
    public Logger logger() {
      return LoggerFactory.getLogger("test");
    }

    @Override
    public SecretResolver secrets() {
      return null;
    }
  };
  private final TransportInstance ipv4Instance = new TransportInstance("vi", "eth0", 51, false, null);

  @AfterEach
  void closeVertx() {
    vertx.close();
  }

  @Test
  void peersBecomeAUnicastTransport() throws Exception {
    JsonObject config = new JsonObject().put("peers", new JsonArray().add("10.0.0.2").add("10.0.0.3"));

    UnicastTransport transport = (UnicastTransport) new UnicastTransportFactory().create(context, ipv4Instance, config);

    assertThat(transport.peers()).containsExactly(InetAddress.getByName("10.0.0.2"), InetAddress.getByName("10.0.0.3"));
    assertThat(transport.describe()).isEqualTo("unicast on eth0 from its primary address to 10.0.0.2, 10.0.0.3");
    assertThat(transport.dropCounts()).containsEntry(UnicastTransport.DROP_UNKNOWN_PEER, 0L);
  }

  @Test
  void everyBadSettingIsReportedWithItsKey() {
    JsonObject config = new JsonObject()
        .put("peers", new JsonArray().add("10.0.0.2").add("peer.example.com").add("fd99::2"))
        .put("ttl", 3);

    PluginConfigException e = catchThrowableOfType(PluginConfigException.class,
        () -> new UnicastTransportFactory().create(context, ipv4Instance, config));

    assertThat(e.problems()).extracting(Problem::path)
        .containsExactlyInAnyOrder("ttl", "peers[1]");
    PluginConfigException family = catchThrowableOfType(PluginConfigException.class, () -> new UnicastTransportFactory()
        .create(context, ipv4Instance, new JsonObject().put("peers", new JsonArray().add("10.0.0.2").add("fd99::2"))));
    assertThat(family.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("peers[1]");
      assertThat(p.message()).isEqualTo("is IPv6 but instance vi is IPv4");
    });
  }

  @Test
  void unicastWithoutPeersIsRefused() {
    PluginConfigException e = catchThrowableOfType(PluginConfigException.class,
        () -> new UnicastTransportFactory().create(context, ipv4Instance, new JsonObject()));

    assertThat(e.problems()).extracting(Problem::path).containsExactly("peers");
  }

  @Test
  void multicastTakesNoSettings() throws Exception {
    assertThat(new MulticastTransportFactory().create(context, ipv4Instance, new JsonObject()).describe())
        .isEqualTo("multicast to 224.0.0.18 on eth0 from its primary address");
    PluginConfigException e = catchThrowableOfType(PluginConfigException.class,
        () -> new MulticastTransportFactory().create(context, ipv4Instance, new JsonObject().put("peers", "x")));
    assertThat(e.problems()).extracting(Problem::path).containsExactly("peers");
  }
}
