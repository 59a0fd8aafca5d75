package io.vipd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real keepalived (VRRP subsystem only, in the foreground) inside a {@link LabHost}, for interoperability
 * tests and benchmarks against vipd. Its configuration, pid files and log live in a directory of the caller's
 * choosing, so several can run at once in different hosts; {@link Lab#close()} stops it like any process
 * the lab started.
 *
 * <p>keepalived runs as two processes: the parent, and the VRRP child that sends adverts. When the parent
 * dies the child still says goodbye (priority 0), so {@link #kill()} freezes the parent and SIGKILLs the
 * child before the parent: that is what a crash looks like on the wire.
 */
public final class KeepalivedProcess {
  private static final Pattern STATE_LINE =
      Pattern.compile("\\(" + Pattern.quote(KeepalivedConfig.INSTANCE_NAME) + "\\) Entering (\\w+) STATE");

  private final LabHost host;
  private final KeepalivedConfig config;
  private final Path configFile;
  private final Path log;
  private final Path pidFile;
  private final Path vrrpPidFile;
  private Process process;
  /** Where the current run's output starts in the log. */
  private long logStart;

  private KeepalivedProcess(LabHost host, KeepalivedConfig config, Path directory) {
    this.host = host;
    this.config = config;
    String base = "keepalived-" + host.name();
    this.configFile = directory.resolve(base + ".conf");
    this.log = directory.resolve(base + ".log");
    this.pidFile = directory.resolve(base + ".pid");
    this.vrrpPidFile = directory.resolve(base + "-vrrp.pid");
  }

  /**
   * Writes {@code directory/keepalived-<host>.conf} and starts keepalived with it in {@code host}; its log
   * goes to {@code directory/keepalived-<host>.log}.
   */
  public static KeepalivedProcess start(LabHost host, KeepalivedConfig config, Path directory) throws IOException {
    KeepalivedProcess keepalived = new KeepalivedProcess(host, config, directory);
    Files.writeString(keepalived.configFile, config.render(host.name()));
    keepalived.start();
    return keepalived;
  }

  /** Starts it again after {@link #kill()} or {@link #stop}, appending to the same log. */
  public void start() throws IOException {
    if (isAlive()) {
      throw new IllegalStateException("keepalived is already running in " + host.name());
    }
    Files.writeString(log, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    logStart = Files.size(log);
    // After a kill the files are stale, and while the killed child is an unreaped zombie keepalived would
    // take its pid for a running daemon and refuse to start.
    Files.deleteIfExists(pidFile);
    Files.deleteIfExists(vrrpPidFile);
    // -n foreground, -l log to the console (our log file), -D detailed, -G no syslog, -P VRRP only.
    process = host.spawn(List.of("keepalived", "-n", "-l", "-D", "-G", "-P",
        "-f", configFile.toString(), "-p", pidFile.toString(), "-r", vrrpPidFile.toString()), log.toFile());
  }

  public LabHost host() {
    return host;
  }

  public KeepalivedConfig config() {
    return config;
  }

  public Path log() {
    return log;
  }

  public Path configFile() {
    return configFile;
  }

  /** The parent process id. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * A crash: the parent is stopped (so it neither respawns the child nor lets it say goodbye), the VRRP
   * child and any scripts are SIGKILLed, then the parent. The VIP stays configured on the interface.
   */
  public void kill() throws IOException, InterruptedException {
    if (!isAlive()) {
      return;
    }
    Lab.run("kill", "-STOP", Long.toString(process.pid()));
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      throw new IOException("keepalived " + process.pid() + " did not die after SIGKILL");
    }
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("keepalived child " + child.pid() + " did not die after SIGKILL", e);
      }
    }
  }

  /**
   * SIGTERM: keepalived sends a priority-0 advert, removes its VIPs and exits (about 1 s). Returns the exit
   * code, or -1 when it did not exit within {@code timeout} and was killed.
   */
  public int stop(Duration timeout) throws IOException, InterruptedException {
    if (!isAlive()) {
      return process == null ? -1 : process.exitValue();
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      return -1;
    }
    children.forEach(ProcessHandle::destroyForcibly);
    return process.exitValue();
  }

  /** The log so far. */
  public String logText() throws IOException {
    return Files.readString(log);
  }

  /** The log of the current (or last) run only. */
  public String logTextSinceStart() throws IOException {
    String text = logText();
    return text.substring((int) Math.min(logStart, text.length()));
  }

  /**
   * The state keepalived last logged entering in its current run ({@code MASTER}, {@code BACKUP},
   * {@code FAULT}), or null.
   */
  public String state() throws IOException {
    Matcher matcher = STATE_LINE.matcher(logTextSinceStart());
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    return last;
  }

  /** Whether keepalived is running, last logged entering MASTER and holds its first VIP on eth0. */
  public boolean isMaster() throws IOException {
    return isAlive() && "MASTER".equals(state()) && host.hasAddress(firstVip());
  }

  /** Its first VIP without the prefix length. */
  public String firstVip() {
    String vip = config.vips().get(0);
    int slash = vip.indexOf('/');
    return slash < 0 ? vip : vip.substring(0, slash);
  }
}
