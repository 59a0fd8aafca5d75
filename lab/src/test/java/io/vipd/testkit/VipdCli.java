package io.vipd.testkit;

import io.vipd.lab.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code vipd} command line ({@code io.vipd.cli.Main} on the test class path) inside a lab host, as
 * an operator on that host would, and returns its exit code and output: how namespace tests use
 * {@code vipd status}, {@code vipd maintenance} and the other commands that talk to a running daemon.
 */
public final class VipdCli {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private VipdCli() {}

  /** What one command printed (stdout and stderr together) and returned. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code vipd args...} in {@code host} and waits for it to exit. */
  public static Result run(LabHost host, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", host.namespace(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-Xshare:auto", "-cp", NamespacedJvm.classPath(), "io.vipd.cli.Main"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("vipd-cli", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("vipd " + String.join(" ", args) + " did not exit within " + DEADLINE + ":\n"
            + Files.readString(output));
      }
      return new Result(process.exitValue(), Files.readString(output));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
