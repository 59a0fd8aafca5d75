package io.vipd.plugins.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import io.vipd.plugin.PluginHost;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.testkit.TestPluginContext;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/**
 * Loads the packaged plugin jar with the real PF4J plugin manager, as the daemon does, and sends one advert
 * through transports made by the loaded extension: class-loader mistakes only show up this way.
 */
class UdpPluginJarIT {

  private static final String PLUGIN_ID = "transport-udp";

  @Test
  void packagedPluginLoadsAndCarriesAnAdvert(@TempDir Path pluginsDir) throws Exception {
    Path jar = PackagedPlugin.jar();
    try (JarFile content = new JarFile(jar.toFile())) {
      assertThat(content.stream().map(e -> e.getName()))
          .contains("META-INF/extensions.idx")
          .noneMatch(name -> name.startsWith("io/vipd/api/") || name.startsWith("io/vertx/")
              || name.startsWith("org/pf4j/"));
    }
    Vertx vertx = Vertx.vertx();
    try (PluginHost plugins = PackagedPlugin.load(pluginsDir)) {
      assertThat(plugins.plugins()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(PLUGIN_ID));
      TransportFactory factory = plugins.transports().get("udp").orElseThrow();
      assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      int[] ports = FreePorts.udp(2);
      String key = TestKeys.base64Key();
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      TransportInstance instance = new TransportInstance("vi_1", "lo", 51, false, loopback);
      AdvertTransport sender = factory.create(new TestPluginContext(vertx, "sender"), instance, new JsonObject()
          .put("port", ports[0]).put("key", key).put("peers", new JsonArray().add("127.0.0.1:" + ports[1])));
      AdvertTransport receiver = factory.create(new TestPluginContext(vertx, "receiver"), instance,
          new JsonObject().put("port", ports[1]).put("key", key)
              .put("peers", new JsonArray().add("127.0.0.1:" + ports[0])));
      List<ReceivedAdvert> received = new CopyOnWriteArrayList<>();
      Await.result(receiver.start(received::add));
      Await.result(sender.start(advert -> {}));

      Await.result(sender.send(Node.advert("through-pf4j")));

      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
      assertThat(received.get(0).payload()).isEqualTo(Node.fakeVrrp("through-pf4j", loopback, loopback));
      assertThat(sender.describe()).isEqualTo("udp to 127.0.0.1:" + ports[1] + " (port " + ports[0]
          + ", key id 1)");
      Await.result(sender.stop());
      Await.result(receiver.stop());
    } finally {
      Await.result(vertx.close());
    }
  }
}
