package io.vipd.plugins.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.NotifierFactory;
import io.vipd.testkit.Events;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.Registered;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.testkit.RecordingHttpServer;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

class WebhookPluginJarIT {
  private static final String PLUGIN_ID = "notify-webhook";


  @Test
  void packagedPluginLoadsInPf4jAndDelivers(@TempDir Path plugins) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = PackagedPlugin.load(plugins)) {
      RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
      NotifierFactory factory = host.notifiers().get("webhook").orElseThrow();
      assertThat(host.notifiers().registration("webhook")).get().extracting(Registered::origin).isEqualTo(PLUGIN_ID);

      assertThat(factory.type()).isEqualTo("webhook");
      assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
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
