package io.vipd.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the demo needs from the machine: root (namespaces, raw sockets) and iproute2's {@code ip}. */
final class Preconditions {
  private Preconditions() {}

  /** One sentence per missing precondition; empty when the demo can run. */
  static List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!isRoot()) {
      problems.add("needs root (it creates network namespaces and raw sockets): run it with sudo");
    }
    if (findOnPath("ip").isEmpty()) {
      problems.add("needs iproute2's `ip` command: apt-get install iproute2");
    }
    return problems;
  }

  static boolean isRoot() {
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

  /** The executable {@code command} on the PATH, as the lab will run it. */
  static Optional<Path> findOnPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return Optional.of(Path.of(dir, command));
      }
    }
    return Optional.empty();
  }
}
