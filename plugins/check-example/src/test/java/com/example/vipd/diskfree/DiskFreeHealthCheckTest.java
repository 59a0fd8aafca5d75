package com.example.vipd.diskfree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.PluginConfigException;
import io.vipd.plugin.DaemonPluginContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's own unit test: the factory and check straight from the module's classes. */
class DiskFreeHealthCheckTest {
  @TempDir Path dir;
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private HealthCheck create(JsonObject config) throws PluginConfigException {
    return new DiskFreeHealthCheckFactory()
        .create(DaemonPluginContext.of(vertx, "node-a", "disk-free", "data-disk", v -> v), config);
  }

  @Test
  void filesystemWithEnoughSpaceIsUp() throws Exception {
    var result = create(new JsonObject().put("path", dir.toString()).put("min-free-percent", 0)).check().await();

    assertThat(result.status()).isEqualTo(CheckStatus.UP);
    assertThat(result.metrics()).containsKey("disk_free_percent");
  }

  @Test
  void filesystemBelowTheMinimumIsDown() throws Exception {
    var result = create(new JsonObject().put("path", dir.toString()).put("min-free-percent", 100)).check().await();

    assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
    assertThat(result.message()).contains("free on " + dir);
  }

  @Test
  void badConfigListsEveryProblem() {
    assertThatThrownBy(() -> create(new JsonObject().put("min-free-percent", 20).put("degraded-below-percent", 10)))
        .isInstanceOf(PluginConfigException.class)
        .hasMessage("path: is required; "
            + "degraded-below-percent: must be at least min-free-percent (20.0)");
  }
}
