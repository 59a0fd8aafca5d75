package io.vipd.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion and returns its output; a failure or a hang is an exception. */
public final class Shell {
  private Shell() {}

  /** Runs {@code command}; throws with the output when it exits non-zero or takes over 30 s. */
  public static String run(String... command) {
    return run(List.of(command));
  }

  public static String run(List<String> command) {
    Result result = tryRun(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.output());
    }
    return result.output();
  }

  /** The exit code and merged output of {@code command}. */
  public record Result(int exitCode, String output) {}

  public static Result tryRun(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
