package io.vipd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.net.EchoReply;
import io.vipd.testkit.Environment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProbeIT {

  @BeforeAll
  static void needsRoot() {
    Environment.requireRootAndTools("ip");
  }

  @Test
  void repliesComeFromTheMacOfTheHostThatHoldsTheAddressAtAFixedRate() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost server = lab.addHost("server", 11);
      LabHost client = lab.addHost("client", 99);
      try (Probe probe = Probe.start(client, server.ipv4(), Duration.ofMillis(10))) {
        long since = System.nanoTime();
        assertThat(probe.awaitReplyFrom(server.mac(), since, Duration.ofSeconds(5))).isPresent();
        assertThat(probe.awaitReplyFrom("02:00:00:00:00:01", Duration.ofMillis(50))).isEmpty();
        long start = probe.lastReply().orElseThrow().nanos();
        while (probe.repliesSince(start).size() < 31) {
          assertThat(probe.awaitReplyFrom(server.mac(), probe.lastReply().orElseThrow().nanos() + 1,
              Duration.ofSeconds(5))).as("replies keep coming").isPresent();
        }
        List<EchoReply> replies = probe.repliesSince(start);
        assertThat(replies).allSatisfy(r -> assertThat(r.sourceMac()).isEqualTo(server.mac()));
        double spanMillis = (replies.get(30).nanos() - replies.get(0).nanos()) / 1e6;
        assertThat(spanMillis).as("30 intervals of 10 ms").isBetween(200.0, 600.0);
      }
    }
  }

  @Test
  void theReplyingMacChangesWhenTheAddressMovesToAnotherHost() throws Exception {
    try (Lab lab = Lab.create()) {
      LabHost a = lab.addHost("a", 11);
      LabHost b = lab.addHost("b", 12);
      LabHost client = lab.addHost("client", 99);
      a.exec("ip", "addr", "add", "10.99.0.10/24", "dev", "eth0");
      try (Probe probe = Probe.start(client, "10.99.0.10", Duration.ofMillis(10))) {
        assertThat(probe.awaitReplyFrom(a.mac(), Duration.ofSeconds(5))).isPresent();

        long moved = System.nanoTime();
        a.exec("ip", "addr", "del", "10.99.0.10/24", "dev", "eth0");
        b.exec("ip", "addr", "add", "10.99.0.10/24", "dev", "eth0");
        client.exec("ip", "neigh", "flush", "dev", "eth0"); // the client asks again, b answers

        assertThat(probe.awaitReplyFrom(b.mac(), moved, Duration.ofSeconds(5))).isPresent();
        Outage outage = probe.outage(a.mac(), b.mac(), moved - 1_000_000_000L).orElseThrow();
        assertThat(outage.millis()).isPositive();
        assertThat(outage.firstNewNanos()).isGreaterThan(moved);
      }
    }
  }
}
