package io.vipd.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A throwaway MariaDB server for tests: its own temporary directory (data, socket, pid file, error log), its
 * own TCP port, run as root with no configuration file read.
 *
 * <pre>{@code
 * try (MariaDbServer db = MariaDbServer.start()) {
 *   db.createUser("check", "secret", "SELECT ON *.*");
 *   connect to db.host():db.port() ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} (also {@link #close()}) kills the server by PID and deletes its directory; a JVM shutdown
 * hook does the same for servers a test forgot. Start-up fails (and cleans up) unless {@code mariadb-admin
 * ping} answers within {@link #START_DEADLINE}. To run the server in a network namespace pass
 * {@code MariaDbOptions.defaults().withCommandPrefix("ip", "netns", "exec", ns).withBindAddress(addr)}.
 */
public final class MariaDbServer implements AutoCloseable {

  /** How long start-up may take before the server is killed and the start fails. */
  public static final Duration START_DEADLINE = Duration.ofSeconds(30);

  /** How long {@link #sql} waits for the server's greeting (a paused server never sends it). */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(30);
  private static final Set<MariaDbServer> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (MariaDbServer server : RUNNING) {
        server.stop();
      }
    }, "mariadb-cleanup"));
  }

  private final MariaDbOptions options;
  private final Path dir;
  private final int port;
  private Process process;
  private long pid;

  private MariaDbServer(MariaDbOptions options, Path dir, int port) {
    this.options = options;
    this.dir = dir;
    this.port = port;
  }

  /** The programs a server needs on the PATH (tests check them first with {@code Environment.requireMariaDb()}). */
  public static final List<String> TOOLS = List.of("mariadbd", "mariadb-install-db", "mariadb-admin", "mariadb");

  /** Starts a server on a free loopback port. */
  public static MariaDbServer start() {
    return start(MariaDbOptions.defaults());
  }

  /** Starts a server as {@code options} say; fails at once when a program of {@link #TOOLS} is missing. */
  public static MariaDbServer start(MariaDbOptions options) {
    for (String tool : TOOLS) {
      if (!Tools.onPath(tool)) {
        throw new IllegalStateException("a MariaDB server needs '" + tool + "' (apt-get install mariadb-server)");
      }
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("vipd-mariadb-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MariaDbServer server = new MariaDbServer(options, dir, options.port() != 0 ? options.port() : freePort());
    RUNNING.add(server);
    try {
      MariaDbDataTemplate.copyTo(server.dataDir());
      server.launch();
      return server;
    } catch (RuntimeException | Error e) {
      server.stop();
      throw e;
    }
  }

  /** The address clients connect to. */
  public String host() {
    return options.bindAddress();
  }

  public int port() {
    return port;
  }

  /** The server's Unix socket; reachable from any network namespace. */
  public Path socket() {
    return dir.resolve("mysqld.sock");
  }

  /** A shell command that exits 0 while the server answers (keepalived's track script in the benchmarks). */
  public String pingCommand() {
    return "/usr/bin/mariadb-admin --no-defaults --socket=" + socket() + " -uroot --connect-timeout=1 ping";
  }

  /** The server's PID, as its pid file says. */
  public long pid() {
    return pid;
  }

  /** The server's temporary directory (data/, err.log, pid). */
  public Path dir() {
    return dir;
  }

  /** The last lines of the server's error log, for failure messages. */
  public String errorLog() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("err.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no error log: " + e.getMessage() + ")";
    }
  }

  /**
   * Runs SQL as root over the Unix socket with the {@code mariadb} client and returns its output: one line per
   * row, tab-separated, without column names.
   *
   * @throws IllegalStateException with the client's error when the SQL fails, the server does not greet the
   *     client within 3 s, or the SQL takes over 30 s
   */
  public String sql(String statements) {
    return run(List.of("mariadb", "--no-defaults", "--socket=" + socket(), "-uroot", "--batch",
        "--skip-column-names", "--connect-timeout=" + CONNECT_TIMEOUT.toSeconds(), "-e", statements), COMMAND_DEADLINE).trim();
  }

  /**
   * Runs a query as root and returns its first row as column name to value ({@code "NULL"} for SQL nulls), or
   * an empty map when it returns no row. Suits {@code SHOW SLAVE STATUS}.
   */
  public Map<String, String> firstRow(String query) {
    String vertical = run(List.of("mariadb", "--no-defaults", "--socket=" + socket(), "-uroot", "--vertical",
        "--connect-timeout=" + CONNECT_TIMEOUT.toSeconds(), "-e", query), COMMAND_DEADLINE);
    Map<String, String> row = new LinkedHashMap<>();
    for (String line : vertical.split("\n")) {
      if (line.startsWith("*")) {
        if (!row.isEmpty()) {
          break;
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        row.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return row;
  }

  /**
   * Creates (or replaces) {@code user}@'%' with {@code password} and grants it each of {@code grants}, written
   * as {@code "SELECT, INSERT ON vipd.*"}. The statements are written to the binary log like any other, so on
   * a replication primary the user reaches the replica too.
   */
  public void createUser(String user, String password, String... grants) {
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "';");
    for (String grant : grants) {
      sql.append("GRANT ").append(grant).append(" TO '").append(user).append("'@'%';");
    }
    sql(sql.toString());
  }

  /** Freezes the server with SIGSTOP: connections are accepted by the kernel but nothing answers. */
  public void pause() {
    signal("STOP");
  }

  /** Thaws a {@link #pause() paused} server with SIGCONT. */
  public void resume() {
    signal("CONT");
  }

  /** Kills the server with SIGKILL and waits for it to exit, keeping its data; {@link #restart()} starts it again. */
  public void kill() {
    if (process == null) {
      return;
    }
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("mariadbd (pid " + pid + ") did not exit after SIGKILL");
      }
      // the server itself may sit under a prefix process (ip netns exec normally execs, but be sure)
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS).join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts a {@link #kill() killed} server again on the same port with the same data. */
  public void restart() {
    if (process != null) {
      throw new IllegalStateException("the server is running");
    }
    launch();
  }

  /** Kills the server by PID and deletes its directory. Safe to call twice and on a half-started server. */
  public void stop() {
    try {
      kill();
    } finally {
      deleteTree(dir);
      RUNNING.remove(this);
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "MariaDB " + host() + ":" + port + " (pid " + pid + ", " + dir + ")";
  }

  Path dataDir() {
    return dir.resolve("data");
  }

  private void launch() {
    List<String> command = new ArrayList<>(options.commandPrefix());
    command.addAll(List.of("mariadbd", "--no-defaults", "--user=root", "--datadir=" + dataDir(),
        "--port=" + port, "--socket=" + socket(), "--skip-networking=0", "--bind-address=" + host(),
        "--pid-file=" + dir.resolve("pid"), "--log-error=" + dir.resolve("err.log"), "--skip-name-resolve",
        "--performance-schema=0", "--skip-slave-start"));
    command.addAll(MariaDbDataTemplate.SIZE_OPTIONS);
    command.addAll(options.extraArgs());
    try {
      Files.deleteIfExists(dir.resolve("pid"));
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run mariadbd", e);
    }
    pid = process.pid();
    awaitPing();
    pid = readPid();
  }

  private void awaitPing() {
    try {
      Awaitility.await("mariadbd answers ping").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(50))
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("mariadbd exited with " + process.exitValue() + " during start-up:\n"
                  + errorLog());
            }
            return ping();
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("mariadbd did not answer ping within " + START_DEADLINE + ":\n" + errorLog(), e);
    }
  }

  private boolean ping() {
    try {
      Process ping = new ProcessBuilder("mariadb-admin", "--no-defaults", "--socket=" + socket(), "-uroot",
          "--connect-timeout=2", "ping").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!ping.waitFor(5, TimeUnit.SECONDS)) {
        ping.destroyForcibly();
        return false;
      }
      return ping.exitValue() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run mariadb-admin", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private long readPid() {
    try {
      return Long.parseLong(Files.readString(dir.resolve("pid")).trim());
    } catch (IOException | NumberFormatException e) {
      return process.pid();
    }
  }

  private void signal(String name) {
    if (process == null) {
      throw new IllegalStateException("the server is not running");
    }
    run(List.of("kill", "-" + name, Long.toString(pid)), COMMAND_DEADLINE);
  }

  private static String run(List<String> command, Duration deadline) {
    try {
      Path out = Files.createTempFile("vipd-mariadb-cmd-", ".out");
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(command.get(0) + " did not finish within " + deadline);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException(command.get(0) + " failed (exit " + p.exitValue() + "): " + output.trim());
        }
        return output;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover temp directory is not worth failing a test for
    }
  }
}
