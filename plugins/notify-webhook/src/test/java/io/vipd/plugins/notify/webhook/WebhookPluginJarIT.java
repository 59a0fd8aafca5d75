package io.vipd.plugins.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.testkit.Events;
import io.vipd.plugin.PluginHost;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.testkit.RecordingHttpServer;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookPluginJarIT {
  @Test
  void packagedPluginLoadsInPf4jAndDelivers(@TempDir Path plugins) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = PackagedPlugin.load(plugins)) {
      RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
      PackagedPlugin.extension(host.notifiers(), "webhook")
          .create(new TestPluginContext(vertx, "hook"), new JsonObject().put("url", server.url("/h")))
          .send(new Events().masterElected())
          .await();
      assertThat(server.received()).singleElement().satisfies(request -> {
        assertThat(new JsonObject(request.body()).getString("kind")).isEqualTo("state_change");
        assertThat(request.headers().get("X-Vipd-Signature")).as("unsigned without a secret").isNull();
      });
    } finally {
      vertx.close().await();
    }
  }
}
