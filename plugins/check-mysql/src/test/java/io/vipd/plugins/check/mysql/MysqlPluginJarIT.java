package io.vipd.plugins.check.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.lab.MariaDbServer;
import io.vipd.plugin.PluginHost;
import io.vipd.testkit.Environment;
import io.vipd.testkit.PackagedPlugin;
import io.vipd.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/**
 * The packaged plugin jar, loaded by the daemon's PluginHost as the daemon loads it: class-loader mistakes
 * (API classes packaged, Vert.x not provided, missing extensions.idx) show up only here.
 */
class MysqlPluginJarIT {

  @Test
  void packagedJarLoadsAndItsCheckProbesARealServer(@TempDir Path plugins) throws Exception {
    assertThat(Files.size(PackagedPlugin.jar())).as("a thin plugin: the host ships Vert.x").isLessThan(100_000);
    Environment.requireMariaDb();
    Vertx vertx = Vertx.vertx();
    try (PluginHost host = PackagedPlugin.load(plugins); MariaDbServer db = MariaDbServer.start()) {
      db.createUser("vipd_check", "pw", "SELECT ON *.*");
      assertThat(host.plugins()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("check-mysql"));
      HealthCheckFactory factory = host.checks().get("mysql").orElseThrow();
      assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      HealthCheck check = Probes.create(factory, new TestPluginContext(vertx, "mysql-test"), new JsonObject()
          .put("host", db.host()).put("port", db.port()).put("user", "vipd_check").put("password", "pw"));
      CheckResult result = Probes.run(vertx, check);
      assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.UP);
    } finally {
      vertx.close().await();
    }
  }
}
