package io.vipd.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code vipd} command that runs to its end inside a {@link LabHost} ({@code cleanup}, {@code validate}, a
 * {@code run} that refuses to start), with the current Java and class path like {@link VipdProcess}, or with
 * a command prefix ({@code setpriv ...}) and a class path of its own. Its stdout and stderr go to a log.
 */
public final class VipdOneShot {
  /** The exit code, what it printed, and when it started and ended ({@link System#nanoTime()}). */
  public record Result(int exit, String output, long startedNanos, long endedNanos) {
    public Duration took() {
      return Duration.ofNanos(endedNanos - startedNanos);
    }
  }

  private final LabHost host;
  private List<String> prefix = List.of();
  private String classPath = System.getProperty("java.class.path");

  private VipdOneShot(LabHost host) {
    this.host = host;
  }

  public static VipdOneShot in(LabHost host) {
    return new VipdOneShot(host);
  }

  /** Runs the JVM under {@code command} (e.g. {@code setpriv --reuid=... --}). */
  public VipdOneShot under(String... command) {
    this.prefix = List.of(command);
    return this;
  }

  /** Another class path than this JVM's (one another user may read, say). */
  public VipdOneShot classPath(String classPath) {
    this.classPath = classPath;
    return this;
  }

  /**
   * Runs {@code vipd ARGS}, its output appended to {@code log}, and waits for it to exit; an IOException
   * when it has not exited within {@code deadline} (it is killed then).
   */
  public Result run(Path log, Duration deadline, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(VipdProcess.java(List.of(), classPath));
    command.addAll(List.of(args));
    long skip = Files.exists(log) ? Files.size(log) : 0;
    long started = System.nanoTime();
    Process process = host.spawn(command, log.toFile());
    boolean exited = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
    long ended = System.nanoTime();
    byte[] written = Files.readAllBytes(log);
    String output = new String(written, (int) skip, written.length - (int) skip, StandardCharsets.UTF_8);
    if (!exited) {
      LabHost.kill(process, Duration.ofSeconds(1));
      throw new IOException("vipd " + String.join(" ", args) + " did not exit within " + deadline.toMillis()
          + " ms in " + host.name() + ":\n" + output);
    }
    return new Result(process.exitValue(), output, started, ended);
  }
}
