package io.vipd.plugins.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.NotifierFactory;
import io.vipd.testkit.Events;
import io.vipd.testkit.NotifierPluginJar;
import io.vipd.testkit.RecordingHttpServer;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackPluginJarIT {
  private static final String PLUGIN_ID = "notify-slack";


  @Test
  void packagedPluginLoadsInPf4jAndDelivers(@TempDir Path plugins) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (NotifierPluginJar jar = NotifierPluginJar.load(PLUGIN_ID, plugins)) {
      RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
      NotifierFactory factory = jar.notifierFactories(PLUGIN_ID).get(0);

      assertThat(factory.type()).isEqualTo("slack");
      assertThat(factory.getClass().getClassLoader()).isSameAs(jar.pluginClassLoader(PLUGIN_ID));
      factory
          .create(new TestPluginContext(vertx, "hook"), new JsonObject().put("url", server.url("/h")))
          .send(new Events().masterElected())
          .await();
      assertThat(server.received()).hasSize(1);
    } finally {
      vertx.close().await();
    }
  }
}
