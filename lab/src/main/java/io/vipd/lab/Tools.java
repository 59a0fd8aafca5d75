package io.vipd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the lab needs from the machine: root and programs on the PATH. One answer for the demo, bench and tests. */
public final class Tools {
  private Tools() {}

  /** Whether the effective user is root (network namespaces, raw sockets). */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // real, effective, saved, fs: the effective one counts
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return false;
  }

  /** Whether {@code command} is an executable on the PATH (or in /usr/sbin, /sbin). */
  public static boolean onPath(String command) {
    return find(command).isPresent();
  }

  /** The executable {@code command} on the PATH, or in /usr/sbin or /sbin (root's usual PATH). */
  public static Optional<Path> find(String command) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return Optional.of(Path.of(dir, command));
      }
    }
    return Optional.empty();
  }
}
