package io.vipd.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running {@code mainClass} inside a network namespace ({@code ip netns exec NS java ...}) with
 * the test class path: the way to run Java networking code in a namespace, since a namespace belongs to a
 * process (or a thread), not to a socket we could hand over. Tests talk to it line by line: {@link #send}
 * writes a line to its stdin, {@link #awaitLine} waits (with a deadline) for a matching stdout line. Its
 * stderr goes to the test's. {@link #close()} closes stdin and kills it if it does not exit.
 */
public final class NamespacedJvm implements AutoCloseable {
  private final Process process;
  private final PrintWriter stdin;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private NamespacedJvm(Process process) {
    this.process = process;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "netns-jvm-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with {@code args} in {@code namespace}. */
  public static NamespacedJvm start(String namespace, Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(), mainClass.getName()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new NamespacedJvm(process);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command, e);
    }
  }

  /** Surefire/failsafe put the real class path here; {@code java.class.path} may be a manifest-only jar. */
  static String classPath() {
    String testPath = System.getProperty("surefire.test.class.path");
    return testPath != null && !testPath.isBlank() ? testPath : System.getProperty("java.class.path");
  }

  private void readLines() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** Writes one command line to the child's stdin. */
  public void send(String line) {
    stdin.println(line);
  }

  /** Sends {@code command} and returns the child's next line starting with OK; fails on ERR. */
  public String call(String command, Duration timeout) {
    send(command);
    String answer = awaitLine(line -> line.startsWith("OK") || line.startsWith("ERR"), timeout);
    if (answer.startsWith("ERR")) {
      fail(command + " failed in " + this + ": " + answer);
    }
    return answer.substring(2).trim();
  }

  /** The next stdout line matching {@code wanted} (skipping others), or a test failure after {@code timeout}. */
  public String awaitLine(Predicate<String> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
          return fail("no expected line within " + timeout + " from " + this + "; skipped lines: " + seen
              + (process.isAlive() ? "" : " (process exited " + process.exitValue() + ")"));
        }
        if (wanted.test(line)) {
          return line;
        }
        seen.add(line);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** Like {@link #awaitLine(Predicate, Duration)}, adding every line it reads (the wanted one too) to {@code read}. */
  public String awaitLine(Predicate<String> wanted, Duration timeout, List<String> read) {
    return awaitLine(line -> {
      read.add(line);
      return wanted.test(line);
    }, timeout);
  }

  /** Lines received but not yet consumed by {@link #awaitLine}, without waiting. */
  public List<String> drain() {
    List<String> drained = new ArrayList<>();
    lines.drainTo(drained);
    return drained;
  }

  @Override
  public void close() {
    stdin.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "child JVM " + process.pid();
  }
}
