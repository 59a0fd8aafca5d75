package io.vipd.plugins.check.exec;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vipd.api.CheckResult;
import io.vipd.api.Durations;
import io.vipd.api.HealthCheck;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command once per probe on a Vert.x worker thread (never on the event loop): exit 0 is UP, the
 * configured {@code degraded-exit-code} is DEGRADED, anything else DOWN. A command still running after
 * {@code kill-timeout} is killed together with every process it started.
 */
final class ExecHealthCheck implements HealthCheck {
  private static final int OUTPUT_TAIL_BYTES = 200;

  private final Vertx vertx;
  private final ExecCheckConfig config;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();

  ExecHealthCheck(Vertx vertx, ExecCheckConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  @Override
  public Future<CheckResult> check() {
    return vertx.executeBlocking(this::runOnce, false);
  }

  private CheckResult runOnce() throws IOException, InterruptedException {
    long started = System.nanoTime();
    // output goes to a file, not a pipe: a background child holding the pipe open cannot stall us
    Path output = Files.createTempFile("vipd-exec-", ".out");
    try {
      Process process = new ProcessBuilder(config.command())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      running.add(process);
      try {
        if (!process.waitFor(config.killTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
          int killed = killTree(process);
          return CheckResult.down("timed out after " + Durations.format(config.killTimeout()) + ", killed " + killed
              + (killed == 1 ? " process" : " processes"), since(started));
        }
      } finally {
        running.remove(process);
      }
      int exit = process.exitValue();
      String tail = lastLine(output);
      String message = "exit " + exit + (tail.isEmpty() ? "" : ": " + tail);
      Duration latency = since(started);
      if (exit == 0) {
        return CheckResult.up(message, latency);
      }
      if (config.degradedExitCode() != null && exit == config.degradedExitCode()) {
        return CheckResult.degraded(message, latency);
      }
      return CheckResult.down(message, latency);
    } catch (IOException e) {
      return CheckResult.down("cannot run " + config.command().get(0) + ": " + e.getMessage(), since(started));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Kills the process and every descendant alive now; returns how many were signalled. */
  static int killTree(Process process) {
    // snapshot first: once the parent dies its children are re-parented and no longer its descendants
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 1 + descendants.size();
  }

  private static String lastLine(Path output) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
      long length = file.length();
      int size = (int) Math.min(length, OUTPUT_TAIL_BYTES);
      byte[] bytes = new byte[size];
      file.seek(length - size);
      file.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      int newline = text.lastIndexOf('\n');
      return newline < 0 ? text : text.substring(newline + 1).strip();
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }


  /** Kills commands still running when the daemon stops. */
  @Override
  public Future<Void> close() {
    running.forEach(ExecHealthCheck::killTree);
    return Future.succeededFuture();
  }
}
