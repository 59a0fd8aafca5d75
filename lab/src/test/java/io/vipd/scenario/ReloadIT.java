package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.daemon.DaemonAgent;
import io.vipd.lab.Conditions;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import io.vipd.testkit.VipdCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reload (SIGHUP) in the namespace lab, as an operator does it: the master of {@code lab} is reloaded
 * 20 times with a changed check, a changed notifier and a changed second instance ({@code other}, whose
 * priority and VIPs flip, and whose mastership VRRP moves each time), while the client pings the VIP every 10 ms and tcpdump watches the adverts.
 * Nothing of {@code lab} may show it: no lost reply, no priority-0 advert, no advert gap above 1.5
 * intervals, no transition. An invalid file is refused and changes nothing; {@code vipd reload --dry-run}
 * plans a lowered priority without applying it, and {@code vipd reload} (POST /reload) applies it: mastership
 * moves as VRRP says.
 */
class ReloadIT {
  private static final String VIP = "10.99.0.81";
  private static final String OTHER_VIP = "10.99.0.82";
  private static final String OTHER_VIP2 = "10.99.0.83";
  private static final int LAB_VRID = 81;
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final int RELOADS = 20;
  /** Pings at 10 ms, at most 60 s (a bound: they are stopped with SIGINT once the reloads are done). */
  private static final int PINGS = 6000;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Pattern ADVERT =
      Pattern.compile("^(\\d+\\.\\d+) IP (\\S+) > \\S+: VRRPv3, Advertisement, vrid (\\d+), prio (\\d+)");
  private static final int API_PORT = 9597;
  private static final String API_TOKEN = "reload-it-token";
  private static final Pattern PROBLEM = Pattern.compile("n1\\.yaml:\\d+:\\d+ instances\\[0]\\.priority: ");
  private static final Pattern PING_SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "ping", "tcpdump", "kill");
  }

  @Test
  void theMasterKeepsItsVipThroughTwentyReloadsOfEverythingAroundIt() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      LabHost client = lab.addHost("client", 50);
      Path config1 = dir.resolve("n1.yaml");
      List<String> log1 = new ArrayList<>();
      NamespacedJvm agent1 = startMaster(lab, n1, config1, log1);
      NamespacedJvm agent2 = startBackup(lab, n2);
      client.exec("ping", "-c", "1", "-W", "1", VIP);
      assertThat(client.neighbourMac(VIP)).isEqualTo(n1.mac());

      Path adverts = dir.resolve("adverts.txt");
      Process capture = client.spawn(List.of("tcpdump", "-l", "-n", "-tt", "-i", "eth0", "ip proto 112"),
          adverts.toFile());
      assertThat(Conditions.await(() -> Files.readString(adverts).contains("listening on"), PATIENCE))
          .as("tcpdump is capturing").isTrue();
      Path pings = dir.resolve("pings.txt");
      Process ping = client.spawn(List.of("ping", "-n", "-i", "0.01", "-W", "1", "-c", Integer.toString(PINGS), VIP),
          pings.toFile());
      try {
        for (int generation = 1; generation <= RELOADS; generation++) {
          writeConfig(config1, "n1", 150, generation);
          List<String> read = reload(agent1, config1, "applied", log1);
          // VRRP moves other's mastership with every flip of its priority; the next reload waits for it
          String moved = generation % 2 == 1 ? "other: MASTER -> BACKUP" : "other: BACKUP -> MASTER";
          if (read.stream().noneMatch(l -> l.contains(moved))) {
            agent1.awaitLine(l -> l.contains(moved), PATIENCE, log1);
          }
        }
        assertThat(ping.isAlive()).as("the pings outlast the reloads").isTrue();
        Lab.run("kill", "-s", "INT", Long.toString(ping.pid())); // ping prints its summary on SIGINT
        assertThat(ping.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("ping ended").isTrue();
      } finally {
        ping.destroy();
        capture.destroy();
      }

      Matcher summary = PING_SUMMARY.matcher(Files.readString(pings));
      assertThat(summary.find()).as("ping summary in %s", Files.readString(pings)).isTrue();
      System.out.println("[reload] " + RELOADS + " reloads; client pings: " + summary.group());
      assertThat(summary.group(2)).as("replies to %s pings", summary.group(1)).isEqualTo(summary.group(1));
      List<long[]> labAdverts = labAdvertsFrom(adverts, n1.ipv4());
      long maxGapMicros = maxGapMicros(labAdverts);
      System.out.printf("[reload] n1's adverts for vrid %d: %d captured, largest gap %.1f ms%n", LAB_VRID,
          labAdverts.size(), maxGapMicros / 1000.0);
      assertThat(labAdverts).as("adverts captured").hasSizeGreaterThan(RELOADS);
      assertThat(labAdverts).as("no priority-0 advert from the master").noneMatch(a -> a[1] == 0);
      assertThat(maxGapMicros).as("largest advert gap, us").isLessThanOrEqualTo(INTERVAL.toNanos() / 1000 * 3 / 2);
      assertThat(log1).as("n1's log").noneMatch(l -> l.contains("lab: MASTER -> "))
          .noneMatch(l -> l.contains("has been blocked for"))
          .anyMatch(l -> l.contains("instance lab: unchanged"))
          .anyMatch(l -> l.contains("instance other: changed in place (keeps its state): priority 120 -> 90; vips -"))
          .anyMatch(l -> l.contains("check db: changed (settings: generation)"))
          .anyMatch(l -> l.contains("notifier events: changed (settings: generation)"));
      assertThat(n1.hasAddress(VIP) && !n2.hasAddress(VIP)).as("only n1 holds the VIP").isTrue();
      assertThat(client.neighbourMac(VIP)).isEqualTo(n1.mac());
      // generation 20: n1's other is back at 120 with both VIPs, and VRRP gives it the mastership again
      await("n1 master of other with both VIPs").atMost(PATIENCE).until(() -> n1.hasAddress(OTHER_VIP)
          && n1.hasAddress(OTHER_VIP2) && !n2.hasAddress(OTHER_VIP));
      assertThat(agent2.drain()).as("n2's log").noneMatch(l -> l.contains("lab: BACKUP -> MASTER"));

      // an invalid file is refused, with its line and column, and changes nothing
      Files.writeString(config1, Files.readString(config1).replace("priority: 150", "priority: 300"));
      reload(agent1, config1, "refused", log1);
      agent1.awaitLine(l -> PROBLEM.matcher(l).find(), PATIENCE, log1);
      writeConfig(config1, "n1", 150, RELOADS);
      reload(agent1, config1, "applied", log1);
      assertThat(log1).noneMatch(l -> l.contains("lab: MASTER -> "));
      assertThat(n1.hasAddress(VIP)).isTrue();
    }
  }

  @Test
  void aLoweredPriorityIsPlannedByADryRunThenMovesMastershipAsVrrpSays() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      Path config1 = dir.resolve("n1.yaml");
      List<String> log1 = new ArrayList<>();
      NamespacedJvm agent1 = startMaster(lab, n1, config1, log1);
      NamespacedJvm agent2 = startBackup(lab, n2);
      String labPriority = "priority: 150";

      writeConfig(config1, "n1", 150, 0);
      String lowered = Files.readString(config1).replace(labPriority, "priority: 50");
      Files.writeString(config1, Files.readString(config1).replace(labPriority, "priority: 300"));
      VipdCli.Result invalid = VipdCli.run(n1, "reload", "-c", config1.toString());
      assertThat(invalid.exitCode()).as(invalid.output()).isEqualTo(2);
      assertThat(invalid.output()).containsPattern(PROBLEM.pattern());

      Files.writeString(config1, lowered);
      VipdCli.Result plan = VipdCli.run(n1, "reload", "--dry-run", "-c", config1.toString());
      assertThat(plan.exitCode()).as(plan.output()).isZero();
      assertThat(plan.output()).contains("plan for " + config1 + " (dry run, nothing applied):",
          "instance lab: changed in place (keeps its state): priority 150 -> 50", "check db: unchanged");
      assertThat(n1.hasAddress(VIP)).as("a dry run changes nothing").isTrue();

      VipdCli.Result applied = VipdCli.run(n1, "reload", "-c", config1.toString());
      assertThat(applied.exitCode()).as(applied.output()).isZero();
      assertThat(applied.output()).contains("reload of " + config1 + " applied:");
      agent2.awaitLine(l -> l.contains("lab: BACKUP -> MASTER"), PATIENCE);
      agent1.awaitLine(l -> l.contains("lab: MASTER -> BACKUP"), PATIENCE, log1);
      await("only n2 holds the VIP").atMost(PATIENCE).until(() -> n2.hasAddress(VIP) && !n1.hasAddress(VIP));
      assertThat(log1).anyMatch(l -> l.contains("reload of " + config1 + " planned (dry run, nothing applied)"))
          .noneMatch(l -> l.contains(API_TOKEN));
    }
  }

  private NamespacedJvm startMaster(Lab lab, LabHost n1, Path config, List<String> log) throws Exception {
    writeConfig(config, "n1", 150, 0);
    NamespacedJvm agent = lab.closing(NamespacedJvm.start(n1.namespace(), DaemonAgent.class, config.toString()));
    agent.awaitLine(l -> l.contains("lab: BACKUP -> MASTER"), PATIENCE, log);
    return agent;
  }

  private NamespacedJvm startBackup(Lab lab, LabHost n2) throws Exception {
    Path config = dir.resolve("n2.yaml");
    writeConfig(config, "n2", 100, 0);
    NamespacedJvm agent = lab.closing(NamespacedJvm.start(n2.namespace(), DaemonAgent.class, config.toString()));
    agent.awaitLine(l -> l.contains("lab: INITIALIZE -> BACKUP"), PATIENCE);
    return agent;
  }

  /** SIGHUP, then the log line that tells the outcome; returns the lines read until then. */
  private static List<String> reload(NamespacedJvm agent, Path config, String outcome, List<String> log)
      throws Exception {
    Lab.run("kill", "-s", "HUP", Long.toString(agent.pid()));
    List<String> read = new ArrayList<>();
    agent.awaitLine(l -> l.contains("reload of " + config + " " + outcome), PATIENCE, read);
    log.addAll(read);
    return read;
  }

  /**
   * A node with {@code lab} (the VIP under test, tracking check {@code db}), {@code other} (priority 120 on even
   * generations, with two VIPs; 90 on odd ones, with one; nodes other than n1 keep 100) and notifier
   * {@code events}; the check's and the notifier's {@code generation} setting changes with every generation.
   */
  private static void writeConfig(Path file, String node, int labPriority, int generation) throws Exception {
    boolean flipped = node.equals("n1") && generation % 2 == 1;
    int otherPriority = node.equals("n1") ? (flipped ? 90 : 120) : 100;
    String[] otherVips = flipped
        ? new String[] {OTHER_VIP + "/24"}
        : new String[] {OTHER_VIP + "/24", OTHER_VIP2 + "/24"};
    VipdYaml.node(node).withoutPlugins()
        .with("api", Map.of("listen", "127.0.0.1:" + API_PORT, "token", API_TOKEN))
        .check("db", Map.of("type", "switch", "interval", "200ms", "timeout", "200ms", "generation", generation))
        .notifier("events", Map.of("type", "stdout", "generation", generation))
        .instance(VipdYaml.Instance.named("lab").vrid(LAB_VRID).version(3).priority(labPriority)
            .advertInterval(INTERVAL).vips(VIP + "/24").trackChecks(List.of(Map.of("check", "db", "weight", -100))))
        .instance(VipdYaml.Instance.named("other").vrid(LAB_VRID + 1).version(3).priority(otherPriority)
            .advertInterval(INTERVAL).vips(otherVips))
        .writeTo(file);
  }

  /** {time in us, priority} of every captured advert for {@code lab} from {@code source}. */
  private static List<long[]> labAdvertsFrom(Path capture, String source) throws Exception {
    List<long[]> adverts = new ArrayList<>();
    for (String line : Files.readAllLines(capture)) {
      Matcher m = ADVERT.matcher(line);
      if (m.find() && m.group(2).equals(source) && Integer.parseInt(m.group(3)) == LAB_VRID) {
        adverts.add(new long[] {Math.round(Double.parseDouble(m.group(1)) * 1_000_000), Long.parseLong(m.group(4))});
      }
    }
    return adverts;
  }

  private static long maxGapMicros(List<long[]> adverts) {
    long max = 0;
    for (int i = 1; i < adverts.size(); i++) {
      max = Math.max(max, adverts.get(i)[0] - adverts.get(i - 1)[0]);
    }
    return max;
  }
}
