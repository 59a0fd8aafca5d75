package io.vipd.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vipd.api.CheckResult;
import io.vipd.api.CheckStatus;
import io.vipd.api.HealthCheck;
import io.vipd.api.HealthCheckFactory;
import io.vipd.api.PluginConfigException;
import io.vipd.api.PluginContext;
import io.vipd.cli.VipdCommand;
import io.vipd.testkit.Environment;
import io.vipd.testkit.PluginJarBuilder;
import java.io.PrintWriter;
import io.vipd.testkit.PluginJarBuilder;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;
import picocli.CommandLine;

/** The drop-in story: real plugin jars built at test time, loaded by the real PF4J manager. */
class PluginHostTest {
  @TempDir Path plugins;
  Vertx vertx;

  @BeforeEach
  void startVertx() throws Exception {
    vertx = Vertx.vertx();
    Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void stopVertx() {
    vertx.close().await();
  }

  private void dropInHelloPlugin(String pluginId, String jarName, String type) throws Exception {
    String pkg = "com.example." + pluginId.replace('-', '_');
    PluginJarBuilder.plugin(pluginId)
        .extension(pkg + ".HelloCheckFactory",
            PluginJarBuilder.checkFactorySource(pkg, "HelloCheckFactory", type, "hello from " + pluginId))
        .buildInto(plugins, jarName);
  }

  @Test
  void aRescanKeepsTheHostUntilAJarIsDroppedInThenOffersItsType() throws Exception {
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");
    try (PluginHost host = PluginHost.load(plugins, BuiltIns.NONE)) {
      assertThat(host.rescan(plugins)).as("nothing new in the directory").isSameAs(host);

      dropInHelloPlugin("later-check", "later-check.jar", "later");
      try (PluginHost rescanned = host.rescan(plugins)) {
        assertThat(rescanned).isNotSameAs(host);
        assertThat(rescanned.checks().types()).contains("hello", "later");
        assertThat(host.checks().types()).as("the running host is left as it was").containsExactly("hello");
        assertThat(rescanned.rescan(plugins)).isSameAs(rescanned);
      }
    }
  }

  @Test
  void droppedInCheckJarIsLoadedAndItsChecksRun() throws Exception {
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");

    try (PluginHost host = PluginHost.load(plugins, BuiltIns.NONE)) {
      assertThat(host.plugins()).singleElement().satisfies(p -> {
        assertThat(p.id()).isEqualTo("hello-check");
        assertThat(p.version()).isEqualTo("1.2.3");
        assertThat(p.jar().getFileName()).hasToString("hello-check.jar");
        assertThat(p.types()).isEqualTo(Map.of(ExtensionKind.CHECK, List.of("hello")));
      });
      assertThat(host.checks().registration("hello")).get().extracting(Registered::origin).isEqualTo("hello-check");
      HealthCheckFactory factory = host.checks().get("hello").orElseThrow();
      assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      HealthCheck check = factory.create(
          DaemonPluginContext.of(vertx, "node-a", "hello", "hello-1", value -> value), new JsonObject());
      CheckResult result = check.check().await();
      assertThat(result.status()).isEqualTo(CheckStatus.UP);
      assertThat(result.message()).isEqualTo("hello from hello-check");
    }
  }

  @Test
  void builtInsAndPluginsShareOneRegistry() throws Exception {
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");

    try (PluginHost host = PluginHost.load(plugins, new BuiltIns(List.of(new BuiltInCheck("always-up")), List.of(),
        List.of()))) {
      assertThat(host.checks().types()).containsExactly("always-up", "hello");
      assertThat(host.checks().registration("always-up")).get().extracting(Registered::origin)
          .isEqualTo(Registered.BUILT_IN);
      assertThat(host.notifiers().types()).isEmpty();
    }
  }

  @Test
  void twoPluginsClaimingTheSameTypeAreRefusedNamingBoth() throws Exception {
    dropInHelloPlugin("hello-one", "hello-one.jar", "hello");
    dropInHelloPlugin("hello-two", "hello-two.jar", "hello");

    assertThatThrownBy(() -> PluginHost.load(plugins, BuiltIns.NONE))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("check type 'hello' is provided twice")
        .hasMessageContaining("plugin 'hello-one'")
        .hasMessageContaining("plugin 'hello-two'");
  }

  @Test
  void pluginShadowingABuiltInTypeIsRefused() throws Exception {
    dropInHelloPlugin("sneaky", "sneaky.jar", "always-up");

    assertThatThrownBy(() -> PluginHost.load(plugins,
        new BuiltIns(List.of(new BuiltInCheck("always-up")), List.of(), List.of())))
        .hasMessageContaining("check type 'always-up' is provided twice: by the daemon (built-in) and by plugin 'sneaky'");
  }

  @Test
  void worldWritableJarIsRefused() throws Exception {
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");
    Path jar = plugins.resolve("hello-check.jar");
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

    assertThatThrownBy(() -> PluginHost.load(plugins, BuiltIns.NONE))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("plugin jar " + jar + " is writable by group or others");
  }

  @Test
  void groupWritablePluginDirectoryIsRefused() throws Exception {
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");
    Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxr-x"));

    assertThatThrownBy(() -> PluginHost.load(plugins, BuiltIns.NONE))
        .hasMessageContaining("plugin directory " + plugins + " is writable by group or others");
  }

  @Test
  void jarOwnedBySomeoneElseIsRefused() throws Exception {
    Environment.require(Environment.isRoot(), "needs root to give a file to another user");
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");
    Path jar = plugins.resolve("hello-check.jar");
    UserPrincipal nobody = jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(jar, nobody);

    assertThatThrownBy(() -> PluginHost.load(plugins, BuiltIns.NONE))
        .hasMessageContaining("plugin jar " + jar + " is owned by 'nobody'");
  }

  @Test
  void pluginMissingADependencyIsReportedByName() throws Exception {
    PluginJarBuilder.plugin("thin-check")
        .source("com.example.thin.MissingBase", "package com.example.thin; public abstract class MissingBase {}")
        .extension("com.example.thin.ThinCheckFactory", """
            package com.example.thin;
            @org.pf4j.Extension
            public class ThinCheckFactory extends MissingBase implements io.vipd.api.HealthCheckFactory {
              public String type() { return "thin"; }
              public io.vipd.api.HealthCheck create(io.vipd.api.PluginContext c, io.vertx.core.json.JsonObject j) {
                return null;
              }
            }
            """)
        .leaveOut("com.example.thin.MissingBase")
        .buildInto(plugins, "thin-check.jar");

    assertThatThrownBy(() -> PluginHost.load(plugins, BuiltIns.NONE))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("plugin 'thin-check'")
        .hasMessageContaining("is broken")
        .hasMessageContaining("com.example.thin.ThinCheckFactory")
        .hasMessageContaining(plugins.resolve("thin-check.jar").toString());
  }

  @Test
  void jarWithoutPluginManifestIsReported() throws Exception {
    PluginJarBuilder.plugin("ignored")
        .extension("com.example.nomf.HelloCheckFactory",
            PluginJarBuilder.checkFactorySource("com.example.nomf", "HelloCheckFactory", "hello", "hi"))
        .withoutManifest()
        .buildInto(plugins, "not-a-plugin.jar");

    assertThatThrownBy(() -> PluginHost.load(plugins, BuiltIns.NONE))
        .hasMessageContaining("plugin jar " + plugins.resolve("not-a-plugin.jar") + " was not loaded");
  }

  @Test
  void pluginsCommandListsEachPluginAndItsTypes() throws Exception {
    dropInHelloPlugin("hello-check", "hello-check.jar", "hello");
    StringWriter out = new StringWriter();

    int exit = new CommandLine(new VipdCommand()).setOut(new PrintWriter(out))
        .execute("plugins", "--dir", plugins.toString());

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("hello-check 1.2.3  " + plugins.resolve("hello-check.jar"))
        .contains("check     hello");
  }

  @Test
  void pluginsCommandExplainsARefusedDirectory() throws Exception {
    Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));
    StringWriter err = new StringWriter();

    int exit = new CommandLine(new VipdCommand()).setErr(new PrintWriter(err))
        .execute("plugins", "--dir", plugins.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("is writable by group or others");
  }

  /** A check factory the daemon would register itself. */
  private record BuiltInCheck(String type) implements HealthCheckFactory {
    @Override
    public HealthCheck create(PluginContext context, JsonObject config) throws PluginConfigException {
      return () -> io.vertx.core.Future.succeededFuture(CheckResult.up("", Duration.ZERO));
    }
  }
}
