package com.example.vipd.diskfree;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckStatus;
import io.vipd.plugin.DaemonPluginContext;
import io.vipd.plugin.ExtensionKind;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.plugin.PluginHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop-in story for the example: its packaged jar in a plugins/ directory, loaded by the real host. */
class DiskFreePluginIT {
  @TempDir Path plugins;

  @Test
  void packagedJarDropsIntoThePluginDirectory() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = PackagedPlugin.load(plugins)) {
      assertThat(host.plugins()).singleElement()
          .satisfies(p -> assertThat(p.types()).containsEntry(ExtensionKind.CHECK, List.of("disk-free")));
      var check = host.checks().get("disk-free").orElseThrow()
          .create(DaemonPluginContext.of(vertx, "node-a", "disk-free", "root", v -> v),
              new JsonObject().put("path", "/").put("min-free-percent", 0));
      assertThat(check.check().await().status()).isIn(CheckStatus.UP, CheckStatus.DEGRADED);
    } finally {
      vertx.close().await();
    }
  }
}
