package io.vipd.plugins.transport.udp;

import io.vipd.testkit.TestPluginContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.AdvertTransport;
import io.vipd.api.ReceivedAdvert;
import io.vipd.api.TransportFactory;
import io.vipd.api.TransportInstance;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the packaged plugin jar with the real PF4J plugin manager, as the daemon does, and sends one advert
 * through transports made by the loaded extension: class-loader mistakes only show up this way.
 */
class UdpTransportPluginIT {

  private static final String PLUGIN_ID = "transport-udp";

  @Test
  void packagedPluginLoadsAndCarriesAnAdvert(@TempDir Path pluginsDir) throws Exception {
    Path jar = Path.of(System.getProperty("transport.udp.jar", "target/transport-udp.jar"));
    assertThat(jar).as("run through failsafe after package").exists();
    try (JarFile content = new JarFile(jar.toFile())) {
      assertThat(content.stream().map(e -> e.getName()))
          .contains("META-INF/extensions.idx")
          .noneMatch(name -> name.startsWith("io/vipd/api/") || name.startsWith("io/vertx/")
              || name.startsWith("org/pf4j/"));
    }
    Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
    PluginManager plugins = new JarPluginManager(pluginsDir);
    Vertx vertx = Vertx.vertx();
    try {
      plugins.loadPlugins();
      plugins.startPlugins();
      assertThat(plugins.getPlugin(PLUGIN_ID)).isNotNull();
      assertThat(plugins.getPlugin(PLUGIN_ID).getPluginState()).isEqualTo(PluginState.STARTED);

      List<TransportFactory> factories = plugins.getExtensions(TransportFactory.class, PLUGIN_ID);
      assertThat(factories).singleElement().satisfies(f -> {
        assertThat(f.type()).isEqualTo("udp");
        assertThat(f.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
      });
      TransportFactory factory = factories.get(0);

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
      plugins.stopPlugins();
      plugins.unloadPlugins();
      Await.result(vertx.close());
    }
  }
}
