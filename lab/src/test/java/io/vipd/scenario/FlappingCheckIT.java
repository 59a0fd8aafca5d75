package io.vipd.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.daemon.DaemonAgent;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdYaml;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that flaps (UP and DOWN in turns of 500 ms), probed every 300 ms with rise and fall 3: no three
 * results in a row agree, so its status never changes and the VIP stays where it is.
 */
class FlappingCheckIT {
  private static final String VIP = "10.99.0.73";
  private static final Duration WATCH = Duration.ofSeconds(6);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @Test
  void aFlappingCheckDoesNotMoveTheVip() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      LabHost n2 = lab.addHost("n2", 12);
      List<String> n1Log = new ArrayList<>();
      NamespacedJvm agent1 = lab.closing(NamespacedJvm.start(n1.namespace(), DaemonAgent.class,
          config("n1", 150, Map.of("flap", "500ms")).toString()));
      agent1.awaitLine(line -> line.contains("flap: BACKUP -> MASTER"), Duration.ofSeconds(20), n1Log);
      NamespacedJvm agent2 = lab.closing(NamespacedJvm.start(n2.namespace(), DaemonAgent.class,
          config("n2", 100, Map.of()).toString()));
      agent2.awaitLine(line -> line.contains("flap: INITIALIZE -> BACKUP"), Duration.ofSeconds(20));

      await().during(WATCH).atMost(WATCH.plusSeconds(5)).until(() -> n1.hasAddress(VIP) && !n2.hasAddress(VIP));
      agent1.send("set nothing UP"); // everything n1 logged until its answer
      agent1.awaitLine(line -> line.startsWith("OK"), Duration.ofSeconds(20), n1Log);
      assertThat(n1Log).as("the check did flap").contains("PROBE db UP", "PROBE db DOWN");
      assertThat(n1Log).as("n1's log").noneMatch(line -> line.contains("check db: "))
          .noneMatch(line -> line.contains("effective priority")).noneMatch(line -> line.contains("MASTER -> "));
      assertThat(agent2.drain()).as("n2's log").noneMatch(line -> line.contains("-> MASTER"));
    }
  }

  private Path config(String node, int priority, Map<String, String> check) throws Exception {
    Map<String, Object> settings = new LinkedHashMap<>(Map.of("type", "switch", "interval", "300ms",
        "timeout", "300ms", "rise", 3, "fall", 3));
    settings.putAll(check);
    return VipdYaml.node(node).withoutPlugins().check("db", settings)
        .instance(VipdYaml.Instance.named("flap").vrid(73).version(3).priority(priority)
            .advertInterval(Duration.ofMillis(100)).vips(VIP + "/24")
            .trackChecks(List.of(Map.of("check", "db", "weight", -100))))
        .writeTo(dir.resolve(node + ".yaml"));
  }

}
