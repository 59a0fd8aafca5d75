package io.vipd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The assembled distribution under test ({@code dist/target/vipd-VERSION/vipd-VERSION}). */
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
}
