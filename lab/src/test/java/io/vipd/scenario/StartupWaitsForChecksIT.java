package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.daemon.DaemonAgent;
import io.vipd.instance.TransitionLine;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vipd restarted on the better node while its database is down: its check's first probe is slow (1 s), and
 * until it answers the priority is only assumed. The node must not take the VIP on that assumption: it
 * joins the group only with the priority its checks give it.
 */
class StartupWaitsForChecksIT {
  private static final String INSTANCE = "db";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @Test
  void aNodeWhoseDatabaseIsDownDoesNotTakeTheVipBeforeItsCheckReported() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      List<String> n1Log = new ArrayList<>();
      List<String> n2Log = new ArrayList<>();
      NamespacedJvm agent2 = lab.closing(NamespacedJvm.start(n2.namespace(), DaemonAgent.class,
          config("n2", 100, "UP").toString()));
      agent2.awaitLine(line -> line.contains(INSTANCE + ": BACKUP -> MASTER"), PATIENCE, n2Log);

      NamespacedJvm agent1 = lab.closing(NamespacedJvm.start(n1.namespace(), DaemonAgent.class,
          config("n1", 150, "DOWN").toString()));
      String joined = agent1.awaitLine(line -> line.contains(INSTANCE + ": INITIALIZE -> "), PATIENCE, n1Log);

      TransitionLine start = TransitionLine.parse(joined).orElseThrow();
      assertThat(start.to()).isEqualTo("BACKUP");
      assertThat(start.priority()).as("n1 joins with the priority its DOWN check gives it (150 - 100)").isEqualTo(50);
      assertThat(n1Log).as("n1 never advertised its assumed 150").noneMatch(line -> line.contains("-> MASTER"))
          .anyMatch(line -> line.contains("waiting for the first result of 1 check(s) before joining the group"));
      agent2.send("set nothing UP"); // any command: everything n2 logged up to its answer is in
      agent2.awaitLine(line -> line.startsWith("OK"), PATIENCE, n2Log);
      assertThat(n2Log).as("n2 stayed master").noneMatch(line -> line.contains(INSTANCE + ": MASTER -> "));
    }
  }

  private Path config(String node, int priority, String initial) throws Exception {
    return VipdYaml.node(node).withoutPlugins()
        .check("mysql", Map.of("type", "switch", "initial", initial, "first-delay", "1s", "interval", "200ms",
            "timeout", "200ms", "rise", 1, "fall", 1))
        .instance(VipdYaml.Instance.named(INSTANCE).vrid(91).version(3).priority(priority)
            .advertInterval(Duration.ofMillis(100)).vips("10.99.0.91/24")
            .trackChecks(List.of(Map.of("check", "mysql", "weight", -100))))
        .writeTo(dir.resolve(node + ".yaml"));
  }

}
