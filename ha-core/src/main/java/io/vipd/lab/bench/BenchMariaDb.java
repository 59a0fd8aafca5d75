package io.vipd.lab.bench;

import io.vipd.lab.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway mariadbd inside a {@link LabHost} for {@link HealthFailoverBench}: listening on that host's
 * 127.0.0.1:3306 (every namespace has its own ports), data copied from a template made once per run, an
 * account {@code bench}/{@code bench} for the vipd check, root over the Unix socket for keepalived's
 * {@code mariadb-admin ping}. The lab stops it with everything else it started.
 */
final class BenchMariaDb {
  static final int PORT = 3306;
  static final String USER = "bench";
  static final String PASSWORD = "bench";
  /** Small InnoDB files: a fast copy; the template and every server must use the same values. */
  private static final List<String> SIZES = List.of("--innodb-log-file-size=8M", "--innodb-buffer-pool-size=16M");
  private static final long START_SECONDS = 60;

  private final LabHost host;
  private final Path dir;
  private Process process;

  private BenchMariaDb(LabHost host, Path dir) {
    this.host = host;
    this.dir = dir;
  }

  /** Runs mariadb-install-db into {@code parent}/template and returns that data directory. */
  static Path template(Path parent) throws IOException, InterruptedException {
    Path data = parent.resolve("template");
    List<String> command = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults", "--user=root",
        "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
    command.addAll(SIZES);
    run(command, parent.resolve("install.log"));
    return data;
  }

  /** Copies the template, starts the server and creates the check's account. */
  static BenchMariaDb start(LabHost host, Path template, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run(List.of("cp", "-a", template.toString(), dir.resolve("data").toString()), dir.resolve("copy.log"));
    BenchMariaDb db = new BenchMariaDb(host, dir);
    db.start();
    run(List.of("mariadb", "--no-defaults", "--socket=" + db.socket(), "-uroot", "-e",
        "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'"), dir.resolve("user.log"));
    return db;
  }

  /** Starts the server (again, after {@link #kill()}) and waits until it answers a ping. */
  void start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults", "--user=root",
        "--datadir=" + dir.resolve("data"), "--port=" + PORT, "--socket=" + socket(), "--skip-networking=0",
        "--bind-address=127.0.0.1", "--pid-file=" + dir.resolve("pid"), "--log-error=" + dir.resolve("err.log"),
        "--skip-name-resolve", "--performance-schema=0", "--skip-slave-start"));
    command.addAll(SIZES);
    process = host.spawn(command, dir.resolve("stdout.log").toFile());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (!ping()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("mariadbd in " + host.name() + " did not start; see " + dir.resolve("err.log"));
      }
      Thread.sleep(50);
    }
  }

  /** SIGKILL (ip netns exec execs mariadbd, so this is the server itself). */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  Path socket() {
    return dir.resolve("mysqld.sock");
  }

  /** What keepalived's track script runs: exit 0 while the server answers. */
  String pingCommand() {
    return "/usr/bin/mariadb-admin --no-defaults --socket=" + socket() + " -uroot --connect-timeout=1 ping";
  }

  private boolean ping() throws IOException, InterruptedException {
    Process ping = new ProcessBuilder("mariadb-admin", "--no-defaults", "--socket=" + socket(), "-uroot",
        "--connect-timeout=2", "ping").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!ping.waitFor(5, TimeUnit.SECONDS)) {
      ping.destroyForcibly();
      return false;
    }
    return ping.exitValue() == 0;
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command.get(0) + " did not finish; see " + log);
    }
    if (p.exitValue() != 0) {
      throw new IOException(command.get(0) + " failed (exit " + p.exitValue() + "): " + Files.readString(log).strip());
    }
  }
}
