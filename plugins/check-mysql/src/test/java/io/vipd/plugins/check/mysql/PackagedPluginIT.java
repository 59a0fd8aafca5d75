package io.vipd.plugins.check.mysql;

import io.vipd.testkit.TestPluginContext;
import io.vipd.testkit.Environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.lab.MariaDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * The packaged plugin jar, loaded by the real PF4J plugin manager as the daemon loads it: class-loader
 * mistakes (API classes packaged, Vert.x not provided, missing extensions.idx) show up only here.
 */
class PackagedPluginIT {

  @Test
  void packagedJarLoadsInPf4jAndItsCheckProbesARealServer(@TempDir Path plugins) throws Exception {
    Path jar = packagedJar();
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    assertThat(Files.size(jar)).as("a thin plugin: the host ships Vert.x").isLessThan(100_000);

    PluginManager manager = new JarPluginManager(plugins);
    Vertx vertx = Vertx.vertx();
    Environment.requireMariaDb();
    try (MariaDbServer db = MariaDbServer.start()) {
      db.createUser("vipd_check", "pw", "SELECT ON *.*");
      manager.loadPlugins();
      manager.startPlugins();
      assertThat(manager.getPlugin("check-mysql")).isNotNull();
      assertThat(manager.getPlugin("check-mysql").getPluginState()).isEqualTo(PluginState.STARTED);

      List<HealthCheckFactory> factories = manager.getExtensions(HealthCheckFactory.class, "check-mysql");

      assertThat(factories).hasSize(1);
      HealthCheckFactory factory = factories.get(0);
      assertThat(factory.type()).isEqualTo("mysql");
      assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
      HealthCheck check = Probes.create(factory, new TestPluginContext(vertx, "mysql-test"), new JsonObject()
          .put("host", db.host()).put("port", db.port()).put("user", "vipd_check").put("password", "pw"));
      CheckResult result = Probes.run(vertx, check);
      assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.UP);
    } finally {
      manager.stopPlugins();
      manager.unloadPlugins();
      vertx.close().await();
    }
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("check-mysql-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in target/: run mvn package first"));
    }
  }
}
