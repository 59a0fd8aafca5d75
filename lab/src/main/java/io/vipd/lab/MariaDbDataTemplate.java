package io.vipd.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * An initialised MariaDB data directory, made once per JVM with {@code mariadb-install-db} and copied for
 * each {@link MariaDbServer}: copying about 25 MB is several times faster than installing again.
 */
final class MariaDbDataTemplate {

  /**
   * Small InnoDB files keep the template small and the copy fast; every server must start with the same
   * values, so {@link MariaDbServer} passes them too.
   */
  static final List<String> SIZE_OPTIONS = List.of("--innodb-log-file-size=8M", "--innodb-buffer-pool-size=16M");

  private static Path template;

  private MariaDbDataTemplate() {}

  /** Copies the template data directory to {@code target}, which must not exist yet. */
  static void copyTo(Path target) {
    Path source = template();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the MariaDB data template to " + target, e);
    }
  }

  private static synchronized Path template() {
    if (template != null) {
      return template;
    }
    try {
      Path dir = Files.createTempDirectory("vipd-mariadb-template-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> MariaDbServer.deleteTree(dir), "mariadb-template-cleanup"));
      Path data = dir.resolve("data");
      List<String> command = new java.util.ArrayList<>(List.of(
          "mariadb-install-db", "--no-defaults", "--user=root", "--datadir=" + data,
          "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
      command.addAll(SIZE_OPTIONS);
      Path log = dir.resolve("install.log");
      Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!install.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        install.destroyForcibly();
        throw new IllegalStateException("mariadb-install-db did not finish within 60 s");
      }
      if (install.exitValue() != 0) {
        throw new IllegalStateException("mariadb-install-db failed (exit " + install.exitValue() + "): "
            + Files.readString(log));
      }
      template = data;
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the MariaDB data template", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the MariaDB data template", e);
    }
  }
}
