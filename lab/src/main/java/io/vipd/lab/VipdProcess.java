package io.vipd.lab;

import io.vipd.daemon.StateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code vipd run} process inside a {@link LabHost}, started with the same Java and class path as the
 * current JVM, its output going to a log file. Used by the demo, the namespace tests and the benchmark.
 * Its state directory ({@code $STATE_DIRECTORY}, as systemd sets it) is next to the log and the same on every
 * restart, so no lab node reads or writes the host's {@code /var/lib/vipd}.
 */
public final class VipdProcess {
  private final LabHost host;
  private final Path config;
  private final Path log;
  private final List<String> jvmOptions;
  /** A distribution's bin/vipd, or null to run the current class path. */
  private final Path launcher;
  /** What the JVM runs under ({@code setpriv ...}); empty for nothing. */
  private final List<String> prefix;
  private final String classPath;
  private Process process;

  private VipdProcess(LabHost host, Path config, Path log, List<String> jvmOptions, Path launcher) {
    this(host, config, log, jvmOptions, launcher, List.of(), System.getProperty("java.class.path"));
  }

  private VipdProcess(LabHost host, Path config, Path log, List<String> jvmOptions, Path launcher,
      List<String> prefix, String classPath) {
    this.host = host;
    this.config = config;
    this.log = log;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.launcher = launcher;
    this.prefix = List.copyOf(prefix);
    this.classPath = classPath;
  }

  /** Starts {@code vipd run -c config} in {@code host}; {@code jvmOptions} go before the main class. */
  public static VipdProcess start(LabHost host, Path config, Path log, List<String> jvmOptions)
      throws IOException {
    VipdProcess vipd = new VipdProcess(host, config, log, jvmOptions, null);
    vipd.start();
    return vipd;
  }

  /** Starts {@code launcher run -c config} in {@code host}: a distribution's {@code bin/vipd}, with its plugins. */
  public static VipdProcess startDistribution(Path launcher, LabHost host, Path config, Path log) throws IOException {
    VipdProcess vipd = new VipdProcess(host, config, log, List.of(), launcher);
    vipd.start();
    return vipd;
  }

  /**
   * Starts {@code vipd run -c config} in {@code host} under {@code prefix} (e.g. {@code setpriv --reuid=...
   * --}: another user, other capabilities) from {@code classPath} (one that user can read).
   */
  public static VipdProcess startUnder(List<String> prefix, String classPath, LabHost host, Path config, Path log)
      throws IOException {
    VipdProcess vipd = new VipdProcess(host, config, log, List.of(), null, prefix, classPath);
    vipd.start();
    return vipd;
  }

  /** Starts it again after {@link #kill()} or {@link #stop()}, appending to the same log. */
  public void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("vipd is already running in " + host.name());
    }
    List<String> command = new ArrayList<>(List.of("env", StateDirectory.ENVIRONMENT + "=" + stateDirectory()));
    if (launcher != null) {
      command.addAll(List.of(launcher.toString(), "run", "-c", config.toString()));
      Files.writeString(log, "", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = host.spawn(command, log.toFile());
      return;
    }
    command.addAll(prefix);
    command.addAll(java(jvmOptions, classPath));
    command.addAll(List.of("run", "-c", config.toString()));
    Files.writeString(log, "", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = host.spawn(command, log.toFile());
  }

  public LabHost host() {
    return host;
  }

  public Path log() {
    return log;
  }

  /** Where this node keeps its state across restarts: {@code NAME-state} beside the log {@code NAME.log}. */
  public Path stateDirectory() {
    String name = log.getFileName().toString();
    return log.resolveSibling((name.endsWith(".log") ? name.substring(0, name.length() - 4) : name) + "-state");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: a crash, no goodbye advert, the VIP stays configured on the interface. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait for the exit code (-1 when it did not exit within {@code timeout}). */
  public int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  /** The log so far. */
  public String logText() throws IOException {
    return Files.readString(log);
  }

  /** {@code java OPTIONS -cp CLASS_PATH io.vipd.cli.Main}: the start of every vipd command line the lab runs. */
  static List<String> java(List<String> jvmOptions, String classPath) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, "io.vipd.cli.Main"));
    return command;
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
