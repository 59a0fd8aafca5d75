package io.vipd.lab.bench;

import io.vipd.lab.Lab;
import io.vipd.lab.Conditions;
import io.vipd.lab.LabHost;
import io.vipd.lab.Outage;
import io.vipd.lab.Probe;
import io.vipd.lab.bench.BenchNode.Kind;
import io.vipd.net.EchoReply;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code bench/failover}: how long a client loses the VIP when the master goes away, for vipd and
 * keepalived in the same harness. For each setting and daemon it builds a {@link Lab} (node1 priority 150,
 * node2 priority 100, a client pinging the VIP every 10 ms with a {@link Probe}), then repeats each event
 * (dead host, SIGKILL, graceful stop) at a random point of the advert cycle and records the outage (last
 * reply from node1's MAC to the first from node2's) and the takeover (event to that first reply).
 */
public final class FailoverBench {
  static final int VRID = 51;
  static final String VIP = "10.99.0.10";
  static final int MASTER_PRIORITY = 150;
  static final int BACKUP_PRIORITY = 100;
  static final Duration PROBE_INTERVAL = Duration.ofMillis(10);
  /** A neighbour entry younger than this ignores gratuitous ARP (Linux locktime is 1 s); wait it out. */
  private static final Duration SETTLE = Duration.ofMillis(1500);
  private static final Duration START = Duration.ofSeconds(30);

  private final BenchOptions options;
  private final PrintStream out;
  private final PrintStream progress;
  private final Random random;

  FailoverBench(BenchOptions options, PrintStream out, PrintStream progress) {
    this.options = options;
    this.out = out;
    this.progress = progress;
    this.random = new Random(options.seed());
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench/failover: " + e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    System.exit(new FailoverBench(options, System.out, System.err).run());
  }

  int run() throws IOException, InterruptedException {
    Map<BenchSetting, Map<Kind, Map<FailoverEvent, Results>>> all = new java.util.LinkedHashMap<>();
    for (BenchSetting setting : options.settings()) {
      Map<Kind, Map<FailoverEvent, Results>> byKind = new EnumMap<>(Kind.class);
      for (Kind kind : options.daemons()) {
        progress.printf("%s, %s: ", setting.label(), kind.label());
        byKind.put(kind, measure(kind, setting));
        progress.println();
      }
      all.put(setting, byKind);
    }
    new BenchReport(options, all).print(out);
    return 0;
  }

  /** The outages and takeovers of one event, in milliseconds, and the runs that measured nothing. */
  static final class Results {
    final List<Double> outages = new ArrayList<>();
    final List<Double> takeovers = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
  }

  private Map<FailoverEvent, Results> measure(Kind kind, BenchSetting setting)
      throws IOException, InterruptedException {
    Map<FailoverEvent, Results> results = new EnumMap<>(FailoverEvent.class);
    Path directory = Files.createTempDirectory("vipd-bench-" + kind.label() + "-");
    try (Lab lab = Lab.create()) {
      LabHost host1 = lab.addHost("node1", 11);
      LabHost host2 = lab.addHost("node2", 12);
      LabHost client = lab.addHost("client", 99);
      BenchNode node1 = kind.start(host1, MASTER_PRIORITY, setting, VIP + "/24", directory);
      BenchNode node2 = kind.start(host2, BACKUP_PRIORITY, setting, VIP + "/24", directory);
      String mac1 = host1.mac();
      String mac2 = host2.mac();
      awaitHolds(host1, START);
      try (Probe probe = Probe.start(client, VIP, PROBE_INTERVAL)) {
        long restored = 0;
        for (FailoverEvent event : options.events()) {
          Results eventResults = new Results();
          results.put(event, eventResults);
          for (int run = 0; run < options.runs(); run++) {
            awaitSteady(probe, host1, host2, mac1, restored);
            // a random point of the advert cycle
            Thread.sleep(random.nextLong(setting.advertInterval().toMillis()));
            long eventNanos = System.nanoTime();
            apply(event, node1);
            Duration timeout = setting.masterDownInterval(BACKUP_PRIORITY).multipliedBy(3).plusSeconds(5);
            Optional<EchoReply> first = probe.awaitReplyFrom(mac2, eventNanos, timeout);
            Optional<Outage> outage = probe.outage(mac1, mac2, eventNanos - SETTLE.toNanos() / 3);
            if (first.isPresent() && outage.isPresent()) {
              eventResults.outages.add(outage.get().millis());
              eventResults.takeovers.add((first.get().nanos() - eventNanos) / 1e6);
              progress.print(".");
            } else {
              eventResults.failures.add(event.label() + " run " + (run + 1) + ": node2 never answered");
              progress.print("x");
            }
            // node2's gratuitous ARP just updated the client's entry: node1's would be ignored for a while
            Thread.sleep(SETTLE.toMillis());
            restored = System.nanoTime();
            restore(event, node1);
          }
        }
      }
      node1.stop();
      node2.stop();
    } finally {
      progress.print(" (logs: " + directory + ")");
    }
    return results;
  }

  private static void apply(FailoverEvent event, BenchNode node) throws IOException, InterruptedException {
    switch (event) {
      case DEAD_HOST -> node.host().setLink(false);
      case KILL -> node.kill();
      case GRACEFUL_STOP -> node.stop();
    }
  }

  private static void restore(FailoverEvent event, BenchNode node) throws IOException {
    if (event == FailoverEvent.DEAD_HOST) {
      node.host().setLink(true);
    } else {
      node.start();
    }
  }

  /** node1 is master again, node2 has let go of the VIP and the client's entry is older than locktime. */
  private static void awaitSteady(Probe probe, LabHost host1, LabHost host2, String mac1, long since)
      throws IOException, InterruptedException {
    if (probe.awaitReplyFrom(mac1, since, START).isEmpty()) {
      throw new IOException("node1 did not take the VIP back within " + START.toSeconds() + " s");
    }
    if (!Conditions.await(() -> !host2.hasAddress(VIP), START)) {
      throw new IOException("node2 kept the VIP after node1 came back");
    }
    Thread.sleep(SETTLE.toMillis());
    String last = probe.lastReply().map(EchoReply::sourceMac).orElse("none");
    if (!last.equals(mac1)) {
      throw new IOException("the client's replies come from " + last + ", not node1 (" + mac1 + ")");
    }
  }

  private static void awaitHolds(LabHost host, Duration timeout) throws IOException, InterruptedException {
    if (!Conditions.await(() -> host.hasAddress(VIP), timeout)) {
      throw new IOException(host.name() + " did not become master within " + timeout.toSeconds() + " s");
    }
  }

  static String now() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }
}
