package io.vipd.plugins.notify.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vipd.api.NotifierFactory;
import io.vipd.testkit.Events;
import io.vipd.plugin.PluginHost;
import io.vipd.plugin.Registered;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

class ExecPluginJarIT {
  private static final String PLUGIN_ID = "notify-exec";


  @Test
  void packagedPluginLoadsInPf4jAndRunsTheCommand(@TempDir Path plugins) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path marker = plugins.resolve("ran");
    try (PluginHost host = PackagedPlugin.load(plugins)) {
      NotifierFactory factory = host.notifiers().get("exec").orElseThrow();
      assertThat(host.notifiers().registration("exec")).get().extracting(Registered::origin).isEqualTo(PLUGIN_ID);

      assertThat(factory.type()).isEqualTo("exec");
      assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
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
