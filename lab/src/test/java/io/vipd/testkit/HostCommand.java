package io.vipd.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run to completion on this host (not in a lab namespace), for tests whose subject is a command:
 * {@code bin/vipd validate}, {@code apt-get install}, {@code dpkg-query}. Whatever the exit code, the caller
 * gets it with the output (stdout and stderr in the order written) to assert on. A run that outlives its
 * deadline is killed and fails the test.
 */
public final class HostCommand {
  private HostCommand() {}

  /** What one run returned and printed. */
  public record Result(int exit, String output) {
    /** This result, after asserting exit code 0 (the output is the failure message otherwise). */
    public Result succeeded() {
      assertThat(exit).as("exit code; output:%n%s", output).isZero();
      return this;
    }
  }

  public static Result run(Duration deadline, String... command) {
    return run(deadline, Map.of(), List.of(command));
  }

  /** Runs {@code command} with {@code environment} added to this JVM's environment. */
  public static Result run(Duration deadline, Map<String, String> environment, List<String> command) {
    Path output = null;
    try {
      // a file, not a pipe: a child that fills a pipe nobody reads would hang instead of finishing
      output = Files.createTempFile("vipd-command-", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      String printed = Files.readString(output);
      assertThat(finished).as("%s finishes within %s; output so far:%n%s", command, deadline, printed).isTrue();
      return new Result(process.exitValue(), printed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      }
    }
  }
}
