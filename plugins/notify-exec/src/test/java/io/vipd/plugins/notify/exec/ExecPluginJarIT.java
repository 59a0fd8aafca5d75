package io.vipd.plugins.notify.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.NotifierFactory;
import io.vipd.testkit.Events;
import io.vipd.plugin.PluginHost;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecPluginJarIT {
  @Test
  void packagedPluginLoadsInPf4jAndRunsTheCommand(@TempDir Path plugins) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path marker = plugins.resolve("ran");
    try (PluginHost host = PackagedPlugin.load(plugins)) {
      NotifierFactory factory = PackagedPlugin.extension(host.notifiers(), "exec");

      factory
          .create(
              new TestPluginContext(vertx, "scripts"),
              new JsonObject().put("command", new JsonArray().add("/bin/sh").add("-c").add("touch " + marker)))
          .send(new Events().masterElected())
          .await();
      assertThat(Files.exists(marker)).isTrue();
    } finally {
      vertx.close().await();
    }
  }
}
