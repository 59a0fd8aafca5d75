package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.NodeConfig;
import io.vipd.lab.VipdLog;
import io.vipd.lab.VipdProcess;
import io.vipd.testkit.Environment;
import io.vipd.vrrp.VrrpTimers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The switch drops frames at random (nftables {@code numgen random}; this kernel has no netem) for 60 s at
 * v3/100 ms. With p the loss, a backup takes over only when three adverts in a row are lost (p^3 per
 * interval: about 0.6 takeovers a minute at 10 %, many at 30 %), each one undone by preemption. The test
 * reports how many transitions the loss caused and requires that, once it ends, one master is left within
 * 2 x Master_Down_Interval, the client reaches it and no other host holds the VIP.
 */
class PacketLossIT {
  private static final String VIP = "10.99.0.75";
  private static final Duration LOSS = Duration.ofSeconds(60);
  private static final Duration MDI = VrrpTimers.masterDownInterval(3, 100, 10);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip", "nft", "ping");
  }

  @ParameterizedTest(name = "{0} % loss")
  @ValueSource(ints = {10, 30})
  void aLossyNetworkEndsWithOneMasterAndTheClientOnIt(int percent) throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      LabHost client = lab.addHost("client", 100);
      VipdLog log1 = new VipdLog(start(n1, 150).log());
      await("n1 master").atMost(PATIENCE).until(() -> log1.state("lab").equals("MASTER"));
      VipdLog log2 = new VipdLog(start(n2, 100).log());
      await("n2 backup").atMost(PATIENCE).until(() -> log2.state("lab").equals("BACKUP"));
      int before = log1.transitions("lab").size() + log2.transitions("lab").size();

      Path rules = Files.writeString(dir.resolve("loss.nft"), """
          table bridge loss {
            chain forward {
              type filter hook forward priority 0; policy accept;
              numgen random mod 100 < %d drop
            }
          }
          """.formatted(percent));
      lab.inBridge("nft", "-f", rules.toString());
      try {
        Thread.sleep(LOSS.toMillis()); // the fault itself
      } finally {
        lab.inBridge("nft", "delete", "table", "bridge", "loss");
      }
      int during = log1.transitions("lab").size() + log2.transitions("lab").size() - before;
      System.out.printf("[loss] %d %% for %d s at v3/100 ms: %d transition(s)%n", percent, LOSS.toSeconds(), during);

      await("one master within 2 x Master_Down_Interval").atMost(MDI.multipliedBy(2))
          .until(() -> log1.state("lab").equals("MASTER") && log2.state("lab").equals("BACKUP"));
      await("the client reaches n1").atMost(PATIENCE)
          .until(() -> client.exec("ping", "-c", "1", "-W", "1", VIP).contains("1 received")
              && n1.mac().equals(client.neighbourMac(VIP)));
      assertThat(n2.hasAddress(VIP)).as("no VIP on the backup").isFalse();
      int total = log1.transitions("lab").size() + log2.transitions("lab").size() - before;
      assertThat(total % 2).as("every takeover undone by one yield: an even number of transitions").isZero();
      assertThat(log1.transitions("lab")).as("n1 never left MASTER").allMatch(t -> !t.from().equals("MASTER"));
    }
  }

  private VipdProcess start(LabHost host, int priority) throws Exception {
    Path config = new NodeConfig(host.name(), 3, 75, priority, Duration.ofMillis(100), VIP + "/24")
        .writeTo(dir.resolve(host.name() + ".yaml"));
    return VipdProcess.start(host, config, dir.resolve(host.name() + ".log"), List.of());
  }
}
