package io.vipd.e2e.health;

import io.vipd.testkit.Environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.e2e.Distribution;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.MariaDbOptions;
import io.vipd.lab.MariaDbServer;
import io.vipd.lab.VipdLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two database nodes and a client on a {@link Lab}: each node runs its own MariaDB inside its namespace
 * (listening on that namespace's 127.0.0.1) and the assembled distribution's {@code bin/vipd}, which checks
 * that local MariaDB with {@code type: mysql} and floats {@link #VIP}. {@code n1} (priority 150) is the
 * master once {@link #start} returns, {@code n2} (priority 100) the backup, and the client has pinged the
 * VIP once, so its neighbour entry follows the master's gratuitous ARPs.
 *
 * <p>Logs and configurations stay in {@code target/health-it/<scenario>-<lab prefix>/} for post-mortems.
 */
final class DbPairLab implements AutoCloseable {
  static final String VIP = "10.99.0.100";
  static final String INSTANCE = "db-vip";
  static final String MYSQL_USER = "vipd_check";
  static final int MASTER_PRIORITY = 150;
  static final int BACKUP_PRIORITY = 100;
  static final Duration ADVERT_INTERVAL = Duration.ofMillis(100);
  static final String ADVERT_INTERVAL_TEXT = "100ms";
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
  static final String CHECK_INTERVAL_TEXT = "1s";
  static final int FALL = 2;
  static final int RISE = 2;
  /**
   * Slack on every timing bound: JVM pauses, timer drift and the client's poll on a shared 2-vCPU machine
   * whose load average reaches 17 while these tests run.
   */
  static final Duration MARGIN = Duration.ofMillis(700);
  /** Start-up of both JVMs and the first election; generous, the machine is shared. */
  private static final Duration START_DEADLINE = Duration.ofSeconds(40);

  /** One database node: its namespace, MariaDB, daemon and log. */
  static final class Node {
    final LabHost host;
    final MariaDbServer db;
    final Path qualityFile;
    final VipdLog log;
    VipdProcess vipd;

    Node(LabHost host, MariaDbServer db, Path qualityFile, Path log) {
      this.host = host;
      this.db = db;
      this.qualityFile = qualityFile;
      this.log = new VipdLog(log);
    }

    String mac() throws IOException {
      return host.mac();
    }

    boolean holdsVip() throws IOException {
      return host.hasAddress(VIP);
    }

    /** Writes the exit code the {@code quality} exec check returns from now on. */
    void setQualityExitCode(int code) throws IOException {
      Files.writeString(qualityFile, code + "\n");
    }

    /** How many state transitions of the instance the log shows so far. */
    int transitions() {
      return log.transitions(INSTANCE).size();
    }
  }

  private final Lab lab;
  private final Path dir;
  /** The distribution's bin/vipd with VIPD_LOG_LEVEL=DEBUG: every check result lands in the logs. */
  private Path launcher;
  private final List<AutoCloseable> resources = new ArrayList<>();
  Node n1;
  Node n2;
  LabHost client;

  private DbPairLab(Lab lab, Path dir) {
    this.lab = lab;
    this.dir = dir;
  }

  /** Builds the lab, starts both databases and daemons, and waits for n1 to be master. */
  static DbPairLab start(String scenario, NodeSettings settings) throws Exception {
    Lab lab = Lab.create();
    Path dir = Path.of("target", "health-it", scenario + "-" + lab.prefix()).toAbsolutePath();
    DbPairLab pair = new DbPairLab(lab, dir);
    try {
      Files.createDirectories(dir);
      pair.launcher = debugLauncher(dir);
      pair.n1 = pair.node(lab.addHost("n1", 11), settings, MASTER_PRIORITY);
      pair.n2 = pair.node(lab.addHost("n2", 12), settings, BACKUP_PRIORITY);
      pair.client = lab.addHost("client", 20);
      // n1 first: started together, a slower n1 JVM lets n2 be master for a moment, which every scenario
      // would have to tell apart from the failover it is about
      pair.n1.vipd = VipdProcess.startDistribution(pair.launcher, pair.n1.host, pair.config("n1"),
          pair.n1.log.file());
      pair.awaitMaster(pair.n1);
      pair.n2.vipd = VipdProcess.startDistribution(pair.launcher, pair.n2.host, pair.config("n2"),
          pair.n2.log.file());
      pair.awaitInitialElection();
      return pair;
    } catch (Exception | Error e) {
      pair.close();
      throw e;
    }
  }

  private static Path debugLauncher(Path dir) throws IOException {
    Path script = dir.resolve("vipd-debug");
    Files.writeString(script, "#!/bin/sh\nVIPD_LOG_LEVEL=DEBUG exec '" + Distribution.launcher() + "' \"$@\"\n");
    script.toFile().setExecutable(true);
    return script;
  }

  private Node node(LabHost host, NodeSettings settings, int priority) throws IOException {
    Environment.requireMariaDb();
    MariaDbServer db = MariaDbServer.start(MariaDbOptions.defaults()
        .withCommandPrefix("ip", "netns", "exec", host.namespace())
        .withBindAddress("127.0.0.1"));
    resources.add(db);
    String password = "pw-" + host.name();
    db.createUser(MYSQL_USER, password);
    Path quality = dir.resolve(host.name() + "-quality");
    Node node = new Node(host, db, quality, dir.resolve(host.name() + ".log"));
    node.setQualityExitCode(0);
    Files.writeString(dir.resolve(host.name() + ".yaml"),
        settings.yaml(host.name(), priority, db.port(), password, quality));
    return node;
  }

  private Path config(String node) {
    return dir.resolve(node + ".yaml");
  }

  private void awaitMaster(Node node) {
    await(node.host.name() + " master with the VIP (logs in " + dir + ")")
        .atMost(START_DEADLINE).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          assertThat(node.vipd.isAlive()).as("%s's vipd is running:%n%s", node.host.name(), node.log.text()).isTrue();
          return node.holdsVip();
        });
  }

  private void awaitInitialElection() throws IOException {
    await("n1 master with the VIP, n2 backup without (logs in " + dir + ")")
        .atMost(START_DEADLINE).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          assertThat(n1.vipd.isAlive()).as("n1's vipd is running:\n%s", n1.log.text()).isTrue();
          assertThat(n2.vipd.isAlive()).as("n2's vipd is running:\n%s", n2.log.text()).isTrue();
          return n1.holdsVip() && !n2.holdsVip() && n2.log.contains("-> BACKUP");
        });
    assertThat(client.exec("ping", "-c", "1", "-W", "2", VIP)).contains("1 received");
    assertThat(clientSeesVipAt()).isEqualTo(n1.mac());
  }

  /** The MAC the client's neighbour table holds for the VIP. */
  String clientSeesVipAt() throws IOException {
    return client.neighbourMac(VIP);
  }

  /** Waits until the client's neighbour entry for the VIP points at {@code node}; returns when it did. */
  long awaitClientSees(Node node, Duration deadline) throws IOException {
    String mac = node.mac();
    await("the client's neighbour entry for " + VIP + " points at " + node.host.name() + " (logs in " + dir + ")")
        .atMost(deadline).pollInterval(Duration.ofMillis(10)).pollDelay(Duration.ZERO)
        .until(() -> mac.equals(clientSeesVipAt()));
    return System.nanoTime();
  }

  /** The VRRP adverts the client hears during one capture of {@code count} packets, as tcpdump prints them. */
  List<String> captureAdverts(int count) throws IOException {
    String out = client.exec("timeout", "5", "tcpdump", "-n", "-l", "-i", "eth0", "-c", Integer.toString(count),
        "ip proto 112");
    return out.lines().filter(l -> l.contains("VRRP")).toList();
  }

  /** Skew_Time (RFC 5798 section 6.1): ((256 - priority) x Master_Adver_Interval) / 256. */
  static Duration skewTime(int priority) {
    return ADVERT_INTERVAL.multipliedBy(256 - priority).dividedBy(256);
  }

  /** Master_Down_Interval (RFC 5798 section 6.1): 3 x Master_Adver_Interval + Skew_Time. */
  static Duration masterDownInterval(int priority) {
    return ADVERT_INTERVAL.multipliedBy(3).plus(skewTime(priority));
  }

  Path dir() {
    return dir;
  }

  /** Kills both daemons and databases (by their own handles) and deletes the namespaces. */
  @Override
  public void close() {
    for (Node node : new Node[] {n1, n2}) {
      if (node != null && node.vipd != null && node.vipd.isAlive()) {
        try {
          node.vipd.kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // keep cleaning up
      }
    }
    lab.close();
  }
}
