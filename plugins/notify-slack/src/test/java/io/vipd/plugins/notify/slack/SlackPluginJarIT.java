package io.vipd.plugins.notify.slack;

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

class SlackPluginJarIT {
  @Test
  void packagedPluginLoadsInPf4jAndDelivers(@TempDir Path plugins) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = PackagedPlugin.load(plugins)) {
      RecordingHttpServer server = RecordingHttpServer.start(vertx, RecordingHttpServer.always(200));
      PackagedPlugin.extension(host.notifiers(), "slack")
          .create(new TestPluginContext(vertx, "hook"), new JsonObject().put("url", server.url("/h")))
          .send(new Events().masterElected())
          .await();
      assertThat(server.received()).singleElement().satisfies(request ->
          assertThat(new JsonObject(request.body()).getString("text")).as("a Slack message").contains("MASTER"));
    } finally {
      vertx.close().await();
    }
  }
}
