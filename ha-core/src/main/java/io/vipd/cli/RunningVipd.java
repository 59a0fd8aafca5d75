package io.vipd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds a {@code vipd run} that is still serving a configuration file in this network namespace, from the
 * command lines in {@code /proc}: {@code vipd cleanup} must not pull the VIPs from under a live master.
 * It sees what {@code /proc} shows (not processes hidden by {@code hidepid}); a process whose namespace
 * it may not read counts as in this one.
 */
final class RunningVipd {
  static final String MAIN_CLASS = Main.class.getName();

  private RunningVipd() {}

  /** The pid of a {@code vipd run -c FILE} other than this process for the same file in this namespace. */
  static Optional<Long> serving(Path config) {
    long self = ProcessHandle.current().pid();
    String ourNamespace = networkNamespace("self").orElse("");
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(p -> arguments(p.pid()).flatMap(RunningVipd::runConfig)
            .filter(file -> sameFile(p.pid(), file, config)).isPresent())
        .filter(p -> networkNamespace(Long.toString(p.pid())).map(ourNamespace::equals).orElse(true))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  /**
   * The FILE of a JVM command line that runs {@code io.vipd.cli.Main run -c FILE} (also {@code --config
   * FILE}, {@code --config=FILE}, {@code -cFILE}); empty for any other command line.
   */
  static Optional<String> runConfig(List<String> arguments) {
    int main = arguments.indexOf(MAIN_CLASS);
    if (main < 0 || main + 1 >= arguments.size() || !arguments.get(main + 1).equals("run")) {
      return Optional.empty();
    }
    for (int i = main + 2; i < arguments.size(); i++) {
      String a = arguments.get(i);
      if ((a.equals("-c") || a.equals("--config")) && i + 1 < arguments.size()) {
        return Optional.of(arguments.get(i + 1));
      }
      if (a.startsWith("--config=")) {
        return Optional.of(a.substring("--config=".length()));
      }
      if (a.startsWith("-c") && a.length() > 2) {
        return Optional.of(a.substring(2));
      }
    }
    return Optional.empty();
  }

  /**
   * A process's arguments after the program, from {@code /proc/PID/cmdline}. Not {@code ProcessHandle.Info}:
   * it gives none at all for a command line longer than a page (a JVM with a long class path).
   */
  private static Optional<List<String>> arguments(long pid) {
    try {
      String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
          StandardCharsets.UTF_8);
      List<String> words = Arrays.asList(cmdline.split("\0"));
      return words.size() < 2 ? Optional.empty() : Optional.of(words.subList(1, words.size()));
    } catch (IOException e) {
      return Optional.empty(); // gone meanwhile
    }
  }

  /** Whether {@code file}, as process {@code pid} names it (relative to its working directory), is {@code config}. */
  private static boolean sameFile(long pid, String file, Path config) {
    try {
      return Files.isSameFile(Path.of("/proc", Long.toString(pid), "cwd").resolve(file), config);
    } catch (IOException e) {
      return false; // gone meanwhile, or another user's working directory
    }
  }

  private static Optional<String> networkNamespace(String pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", pid, "ns", "net")).toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
