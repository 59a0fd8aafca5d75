package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.daemon.DaemonAgent;
import io.vipd.instance.TransitionLine;
import io.vipd.lab.Conditions;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The takeover ARP race, provoked on purpose. The old master (n1) keeps announcing its VIP (a 10 ms
 * {@code garp.refresh}) and, with nftables, misses the new master's first advert, so it goes on announcing
 * for one of n2's advert intervals after n2 took over, as a master does that is slow to hear its successor.
 * It then yields. Whatever it announced in between must not be the client's last word: the new master
 * re-announces once the old one is quiet, well before its own locktime round 1.1 s after the takeover.
 */
class TakeoverAnnouncementIT {
  private static final String VIP = "10.99.0.81";
  private static final String INSTANCE = "race";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  /** n2's own rounds after its takeover: the burst, then one after the neighbours' locktime (1.1 s). */
  private static final Duration LOCKTIME_ROUND = Duration.ofMillis(1100);

  @TempDir Path dir;

  @BeforeAll
  static void needsRootAndTools() {
    Environment.requireRootAndTools("ip", "nft", "tcpdump", "ping");
  }

  @Test
  void clientEndsOnTheNewMasterThoughTheOldOneAnnouncedAfterTheTakeover() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      LabHost client = lab.addHost("client", 100);
      String n1Mac = n1.mac();
      String n2Mac = n2.mac();
      List<String> n1Log = new ArrayList<>();
      List<String> n2Log = new ArrayList<>();

      // n2 first, then n1 preempts it: n2 then waits as backup with n1's 2 s interval
      NamespacedJvm agent2 = lab.closing(NamespacedJvm.start(n2.namespace(), DaemonAgent.class,
          config("n2", 100, Duration.ofMillis(100), Map.of()).toString()));
      agent2.awaitLine(line -> line.contains(INSTANCE + ": BACKUP -> MASTER"), PATIENCE, n2Log);
      NamespacedJvm agent1 = lab.closing(NamespacedJvm.start(n1.namespace(), DaemonAgent.class,
          config("n1", 150, Duration.ofSeconds(2), Map.of("refresh", "10ms")).toString()));
      agent1.awaitLine(line -> line.contains(INSTANCE + ": BACKUP -> MASTER"), PATIENCE, n1Log);
      agent2.awaitLine(line -> line.contains(INSTANCE + ": MASTER -> BACKUP"), PATIENCE, n2Log);
      assertThat(client.exec("ping", "-c", "1", "-W", "2", VIP)).contains("1 received");
      assertThat(client.neighbourMac(VIP)).isEqualTo(n1Mac);

      // n1 will not hear n2's first advert as master: it goes on announcing until n2's second
      n1.exec("nft", "-f", Files.writeString(dir.resolve("deaf.nft"), """
          table ip race {
            set heard { type ipv4_addr; flags dynamic; }
            chain input {
              type filter hook input priority 0;
              ip protocol vrrp ip saddr %1$s ip saddr @heard accept
              ip protocol vrrp ip saddr %1$s add @heard { ip saddr } drop
            }
          }
          """.formatted(n2.ipv4())).toString());
      Path arp = dir.resolve("client-arp.txt");
      Process capture = client.spawn(List.of("tcpdump", "-l", "-n", "-e", "-tt", "-i", "eth0",
          "arp and host " + VIP), arp.toFile());
      assertThat(Conditions.await(() -> Files.exists(arp) && Files.readString(arp).contains("listening on"), PATIENCE))
          .as("tcpdump is capturing").isTrue();

      agent1.send("set db DOWN"); // 150 - 100 = 50 < 100: n2 preempts after its Skew_Time
      String takeover = agent2.awaitLine(line -> line.contains(INSTANCE + ": BACKUP -> MASTER"), PATIENCE, n2Log);
      String yielded = agent1.awaitLine(line -> line.contains(INSTANCE + ": MASTER -> BACKUP"), PATIENCE, n1Log);
      LocalTime takeoverAt = TransitionLine.parse(takeover).orElseThrow().at();
      LocalTime yieldedAt = TransitionLine.parse(yielded).orElseThrow().at();
      assertThat(TransitionLine.elapsed(takeoverAt, yieldedAt)).as("n1 announced for a while after the takeover")
          .isGreaterThan(Duration.ofMillis(50));

      // until n2's locktime round has been captured: everything before it is what the client lived with
      LocalTime cutoff = takeoverAt.plus(LOCKTIME_ROUND).minus(Duration.ofMillis(50));
      assertThat(Conditions.await(() -> frames(arp).stream().anyMatch(f -> f.from(n2Mac)
          && !f.at().isBefore(cutoff)), PATIENCE)).as("n2's locktime round captured").isTrue();
      capture.destroy();
      List<Frame> frames = frames(arp).stream().filter(f -> f.from(n1Mac) || f.from(n2Mac)).toList();
      List<Frame> beforeLocktimeRound = frames.stream().filter(f -> f.at().isBefore(cutoff))
          .toList();
      assertThat(beforeLocktimeRound).as("frames after the takeover, before n2's locktime round").isNotEmpty();
      assertThat(beforeLocktimeRound.stream().filter(f -> f.from(n1Mac) && f.at().isAfter(yieldedAt)))
          .as("announcements of n1 after it gave the VIP up").isEmpty();
      assertThat(beforeLocktimeRound.get(beforeLocktimeRound.size() - 1).from(n2Mac))
          .as("the last announcement before n2's locktime round is n2's (%s); the last ones: %s", n2Mac,
              beforeLocktimeRound.subList(Math.max(0, beforeLocktimeRound.size() - 8), beforeLocktimeRound.size()))
          .isTrue();
      assertThat(client.neighbourMac(VIP)).isEqualTo(n2Mac);
      assertThat(client.exec("ping", "-c", "1", "-W", "2", VIP)).contains("1 received");
    }
  }

  private Path config(String node, int priority, Duration advertInterval, Map<String, ?> garp) throws Exception {
    return VipdYaml.node(node).withoutPlugins()
        .check("db", Map.of("type", "switch", "interval", "100ms", "timeout", "100ms", "rise", 1, "fall", 1))
        .instance(VipdYaml.Instance.named(INSTANCE).vrid(81).version(3).priority(priority)
            .advertInterval(advertInterval).with("garp", garp).vips(VIP + "/24")
            .trackChecks(List.of(Map.of("check", "db", "weight", -100))))
        .writeTo(dir.resolve(node + ".yaml"));
  }


  /** One ARP frame the client saw for the VIP: when, and from which MAC. */
  private record Frame(LocalTime at, String sourceMac) {
    boolean from(String mac) {
      return sourceMac.equalsIgnoreCase(mac);
    }
  }

  /** {@code 1733150000.123456 02:..:11 > ff:ff:ff:ff:ff:ff, ethertype ARP ...}, as tcpdump -e -tt writes it. */
  private static List<Frame> frames(Path capture) throws IOException {
    List<Frame> frames = new ArrayList<>();
    for (String line : Files.readAllLines(capture)) {
      String[] words = line.trim().split("\\s+");
      if (words.length < 2 || !words[0].matches("\\d+\\.\\d+")) {
        continue;
      }
      long micros = Math.round(Double.parseDouble(words[0]) * 1_000_000);
      Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
      frames.add(new Frame(LocalTime.ofInstant(at, ZoneId.systemDefault()), words[1]));
    }
    return frames;
  }
}
