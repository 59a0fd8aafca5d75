package io.vipd.lab.bench;

import io.vipd.lab.KeepalivedConfig;
import io.vipd.lab.KeepalivedProcess;
import io.vipd.lab.Lab;
import io.vipd.lab.Conditions;
import io.vipd.lab.LabHost;
import io.vipd.lab.MariaDbOptions;
import io.vipd.lab.MariaDbServer;
import io.vipd.lab.Probe;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import io.vipd.net.EchoReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code bench/health-failover}: how long a client keeps reaching a master whose database is dead. Two nodes,
 * each with its own MariaDB and a VRRP daemon checking it every second (fall 2, weight -60 from 150 and
 * 100, VRRP v3, 100 ms adverts); SIGKILL of the master's mariadbd at a random point of the check interval;
 * the figure is the time from the kill to the client's first ping reply from the backup's MAC (the old
 * master keeps answering for the VIP meanwhile). vipd uses its check-mysql plugin, keepalived a
 * {@code vrrp_script} running {@code mariadb-admin ping}, in the same harness.
 *
 * <p>Usage: {@code HealthFailoverBench --plugins DIR [--runs N] [--daemons vipd,keepalived] [--seed S]}.
 */
public final class HealthFailoverBench {
  static final String VIP = "10.99.0.10";
  static final int VRID = 51;
  static final int MASTER_PRIORITY = 150;
  static final int BACKUP_PRIORITY = 100;
  static final int WEIGHT = -60;
  private static final int DB_PORT = 3306;
  private static final String DB_USER = "bench";
  private static final String DB_PASSWORD = "bench";
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(10);
  /** A neighbour entry younger than Linux's 1 s locktime ignores gratuitous ARP; wait it out. */
  private static final Duration SETTLE = Duration.ofMillis(1500);
  private static final Duration START = Duration.ofSeconds(40);

  private final Path plugins;
  private final Random random;

  private HealthFailoverBench(Path plugins, long seed) {
    this.plugins = plugins;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws Exception {
    int runs = 5;
    List<String> daemons = List.of("vipd", "keepalived");
    Path plugins = null;
    long seed = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--daemons" -> daemons = List.of(args[i + 1].split(","));
        case "--plugins" -> plugins = Path.of(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (plugins == null || !Files.isDirectory(plugins)) {
      throw new IllegalArgumentException("--plugins DIR (the distribution's plugins/) is required");
    }
    HealthFailoverBench bench = new HealthFailoverBench(plugins, seed);
    List<String> rows = new ArrayList<>();
    for (String daemon : daemons) {
      System.err.printf("%s: ", daemon);
      List<Double> takeovers = new ArrayList<>();
      int failed = bench.measure(daemon, runs, takeovers);
      System.err.println();
      rows.add(String.format(Locale.ROOT, "| %-10s | %-22s |", daemon, Summary.of(takeovers, failed).format()));
    }
    System.out.println("Health-driven failover: SIGKILL of the master's mariadbd -> client's first reply from the");
    System.out.println("backup's MAC, ms (min / median / max over " + runs + " runs). Check every 1 s, fall 2;");
    System.out.println("VRRP v3, 100 ms adverts; priorities 150 / 100, weight -60.");
    System.out.println();
    System.out.println("| daemon     | min / median / max     |");
    System.out.println("|------------|------------------------|");
    rows.forEach(System.out::println);
  }

  private int measure(String daemon, int runs, List<Double> takeovers) throws Exception {
    Path dir = Files.createTempDirectory("vipd-health-bench-" + daemon + "-");
    int failed = 0;
    try (Lab lab = Lab.create()) {
      LabHost host1 = lab.addHost("node1", 11);
      LabHost host2 = lab.addHost("node2", 12);
      LabHost client = lab.addHost("client", 99);
      try (MariaDbServer db1 = startDatabase(host1); MariaDbServer db2 = startDatabase(host2)) {
        startDaemon(daemon, host1, db1, MASTER_PRIORITY, dir);
        awaitHolds(host1);
        startDaemon(daemon, host2, db2, BACKUP_PRIORITY, dir);
        String mac1 = host1.mac();
        String mac2 = host2.mac();
        try (Probe probe = Probe.start(client, VIP, PROBE_INTERVAL)) {
          long restored = 0;
          for (int run = 0; run < runs; run++) {
            awaitSteady(probe, host2, mac1, restored);
            Thread.sleep(random.nextLong(1000)); // a random point of the 1 s check interval
            long killed = System.nanoTime();
            db1.kill();
            Optional<EchoReply> first = probe.awaitReplyFrom(mac2, killed, Duration.ofSeconds(15));
            if (first.isPresent()) {
              takeovers.add((first.get().nanos() - killed) / 1e6);
              System.err.print(".");
            } else {
              failed++;
              System.err.print("x");
            }
            Thread.sleep(SETTLE.toMillis());
            restored = System.nanoTime();
            db1.restart();
          }
        }
      }
    } finally {
      System.err.print(" (logs: " + dir + ")");
    }
    return failed;
  }

  /**
   * A throwaway mariadbd inside {@code host} on its own 127.0.0.1:3306 (every namespace has its own ports),
   * with an account for the vipd check; root over the Unix socket serves keepalived's track script.
   */
  private static MariaDbServer startDatabase(LabHost host) {
    MariaDbServer db = MariaDbServer.start(MariaDbOptions.defaults()
        .withCommandPrefix("ip", "netns", "exec", host.namespace()).withPort(DB_PORT));
    db.createUser(DB_USER, DB_PASSWORD);
    return db;
  }

  private void startDaemon(String daemon, LabHost host, MariaDbServer db, int priority, Path dir) throws IOException {
    switch (daemon) {
      case "vipd" -> {
        Path config = dir.resolve("vipd-" + host.name() + ".yaml");
        Files.writeString(config, vipdConfig(host.name(), priority));
        VipdProcess.start(host, config, dir.resolve("vipd-" + host.name() + ".log"), List.of());
      }
      case "keepalived" -> KeepalivedProcess.start(host,
          KeepalivedConfig.of(VRID, priority, 3, VIP + "/24").withAdvertInterval(Duration.ofMillis(100))
              .withTrackScript(new KeepalivedConfig.TrackScript(db.pingCommand(), 1, 2, 2, WEIGHT)),
          dir);
      default -> throw new IllegalArgumentException("unknown daemon " + daemon + " (vipd, keepalived)");
    }
  }

  private String vipdConfig(String node, int priority) {
    Map<String, Object> mysql = new LinkedHashMap<>();
    mysql.put("type", "mysql");
    mysql.put("interval", "1s");
    mysql.put("timeout", "1s");
    mysql.put("fall", 2);
    mysql.put("rise", 2);
    mysql.put("host", "127.0.0.1");
    mysql.put("port", DB_PORT);
    mysql.put("user", DB_USER);
    mysql.put("password", DB_PASSWORD);
    mysql.put("connect-timeout", "400ms");
    mysql.put("query-timeout", "400ms");
    return VipdYaml.node(node).plugins(plugins).check("mysql", mysql)
        .instance(VipdYaml.Instance.named("db").vrid(VRID).version(3).priority(priority)
            .advertInterval(Duration.ofMillis(100)).vips(VIP + "/24")
            .trackChecks(List.of(Map.of("check", "mysql", "weight", WEIGHT))))
        .text();
  }

  /** node1 answers again (its database back and the VIP retaken), node2 let go, the entry older than locktime. */
  private static void awaitSteady(Probe probe, LabHost host2, String mac1, long since)
      throws IOException, InterruptedException {
    if (probe.awaitReplyFrom(mac1, since, START).isEmpty()) {
      throw new IOException("node1 did not take the VIP back within " + START.toSeconds() + " s");
    }
    if (!Conditions.await(() -> !host2.hasAddress(VIP), START)) {
      throw new IOException("node2 kept the VIP after node1 came back");
    }
    Thread.sleep(SETTLE.toMillis());
  }

  private static void awaitHolds(LabHost host) throws IOException, InterruptedException {
    if (!Conditions.await(() -> host.hasAddress(VIP), START)) {
      throw new IOException(host.name() + " did not become master within " + START.toSeconds() + " s");
    }
  }
}
