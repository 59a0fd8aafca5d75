package io.vipd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import io.vipd.testkit.NamespacedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a notifier hears when a tracked check changes: a real daemon in a lab namespace ({@link DaemonAgent}),
 * one instance tracking one check whose result the test switches.
 */
class CheckEventsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @Test
  void checkChangeEventCarriesThePriorityTrackingGaveItAndIsLoggedOnce() throws Exception {
    Path config = Files.writeString(dir.resolve("vipd.yaml"), """
        node: n1
        checks:
          db:
            type: switch
            interval: 100ms
            timeout: 100ms
            rise: 1
            fall: 1
        notifiers:
          out:
            type: stdout
        instances:
          - name: web
            interface: eth0
            vrid: 61
            priority: 150
            advert-interval: 100ms
            vips: [10.99.0.61/24]
            track:
              checks:
                - { check: db, weight: -30 }
        """);
    try (Lab lab = Lab.create()) {
      LabHost n1 = lab.addHost("n1", 11);
      try (NamespacedJvm daemon = NamespacedJvm.start(n1.namespace(), DaemonAgent.class, config.toString())) {
        List<String> lines = new ArrayList<>();
        daemon.awaitLine("STARTED"::equals, PATIENCE, lines);
        daemon.awaitLine(line -> line.startsWith("EVENT ") && "MASTER".equals(event(line).getString("to")), PATIENCE,
            lines);

        daemon.send("set db DOWN");
        JsonObject down = event(daemon.awaitLine(CheckEventsIT::isCheckEvent, PATIENCE, lines));
        assertThat(down.getString("check_status")).isEqualTo("DOWN");
        assertThat(down.getString("instance")).isEqualTo("web");
        assertThat(down.getInteger("effective_priority")).as("priority after tracking applied DOWN (150 - 30)")
            .isEqualTo(120);

        daemon.send("set db UP");
        JsonObject up = event(daemon.awaitLine(CheckEventsIT::isCheckEvent, PATIENCE, lines));
        assertThat(up.getString("check_status")).isEqualTo("UP");
        assertThat(up.getInteger("effective_priority")).as("priority after tracking applied UP").isEqualTo(150);

        lines.addAll(daemon.drain());
        assertThat(lines).filteredOn(line -> line.contains("check db: UP -> DOWN")).as("log lines of the change")
            .hasSize(1);
      }
    }
  }


  private static JsonObject event(String line) {
    return new JsonObject(line.substring("EVENT ".length()));
  }

  private static boolean isCheckEvent(String line) {
    return line.startsWith("EVENT ") && "CHECK_CHANGE".equals(event(line).getString("kind"));
  }
}
