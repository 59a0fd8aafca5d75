package io.vipd.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the test class path that any user can read, for a JVM the test runs as another user (the
 * jars live in root's Maven repository, which others may not enter). The directory and everything in it
 * are made world-readable; its parents must be traversable (a JUnit temp dir under /tmp is, once opened).
 */
public final class ReadableClassPath {
  private ReadableClassPath() {}

  /** Copies every class path entry into {@code directory} and returns the copy's class path. */
  public static String copyTo(Path directory) throws IOException {
    readable(directory);
    List<String> copies = new ArrayList<>();
    int n = 0;
    for (String entry : NamespacedJvm.classPath().split(File.pathSeparator)) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = directory.resolve((n++) + "-" + source.getFileName());
      if (Files.isDirectory(source)) {
        copyTree(source, target);
      } else {
        Files.copy(source, target);
        readable(target);
      }
      copies.add(target.toString());
    }
    return String.join(File.pathSeparator, copies);
  }


  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      paths.forEach(p -> {
        Path copy = target.resolve(source.relativize(p).toString());
        try {
          if (Files.isDirectory(p)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(p, copy);
          }
          readable(copy);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static void readable(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
  }
}
