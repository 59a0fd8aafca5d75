package io.vipd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The assembled distribution under test ({@code dist/target/vipd-VERSION/vipd-VERSION}) and its .deb. */
public final class Distribution {
  private Distribution() {}

  /** The unpacked distribution directory: bin/vipd, lib/, plugins/, config/. */
  public static Path home() {
    String property = System.getProperty("vipd.distribution");
    assertThat(property).as("system property vipd.distribution (set by e2e/pom.xml)").isNotNull();
    Path home = Path.of(property);
    assertThat(home.resolve("bin/vipd")).as("the distribution must be built before e2e runs").exists();
    return home;
  }

  public static Path launcher() {
    return home().resolve("bin/vipd");
  }

  public static Path plugins() {
    return home().resolve("plugins");
  }

  public static boolean hasPlugin(String id) {
    return Files.exists(plugins().resolve(id + ".jar"));
  }

  /** {@code dist/target/vipd_VERSION_all.deb}, the one Debian package the dist module built. */
  public static Path debianPackage() {
    String property = System.getProperty("vipd.packages");
    assertThat(property).as("system property vipd.packages (set by e2e/pom.xml)").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(property))) {
      List<Path> debs = files.filter(f -> f.getFileName().toString().matches("vipd_.+_all\\.deb")).toList();
      assertThat(debs).as("one vipd_*_all.deb in %s (built by the dist module; several: mvn clean)", property)
          .hasSize(1);
      return debs.get(0).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
