package io.vipd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.net.NetAgent;
import io.vipd.testkit.NamespacedJvm;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core transports between three namespaces (child JVMs with a Vert.x each). The agent's adverts end
 * with the last byte of the destination they were built for, which shows {@code bytesFor} was asked per
 * destination.
 */
class AdvertTransportIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private Lab lab;
  private NamespacedJvm a;
  private NamespacedJvm b;
  private NamespacedJvm c;

  @BeforeEach
  void threeNodes() throws Exception {
    Environment.requireRootAndTools("ip", "sysctl");
    lab = Lab.create().withoutDuplicateAddressDetection();
    LabHost nodeA = lab.addHost("a", 1);
    LabHost nodeB = lab.addHost("b", 2);
    LabHost nodeC = lab.addHost("c", 3);
    a = lab.closing(NamespacedJvm.start(nodeA.namespace(), NetAgent.class));
    b = lab.closing(NamespacedJvm.start(nodeB.namespace(), NetAgent.class));
    c = lab.closing(NamespacedJvm.start(nodeC.namespace(), NetAgent.class));
  }

  @AfterEach
  void tearDown() {
    if (lab != null) {
      lab.close(); // closes the agents first
    }
  }

  @Test
  void multicastAdvertReachesEveryBackupOnItsContext() throws Exception {
    for (NamespacedJvm node : new NamespacedJvm[] {a, b, c}) {
      assertThat(node.call("transport multicast eth0 v4", WAIT)).contains("224.0.0.18");
      node.awaitLine("STARTED"::equals, WAIT);
    }

    a.call("transport-send 3133", WAIT);

    for (NamespacedJvm backup : new NamespacedJvm[] {b, c}) {
      assertThat(backup.awaitLine(line -> line.startsWith("RECV"), WAIT))
          .isEqualTo("RECV 10.99.0.1 224.0.0.18 255 313312 on-context=true");
    }
  }

  @Test
  void ipv6MulticastAdvertGoesFromTheLinkLocalAddress() throws Exception {
    for (NamespacedJvm node : new NamespacedJvm[] {a, b}) {
      node.call("transport multicast eth0 v6", WAIT);
      node.awaitLine("STARTED"::equals, WAIT);
    }

    a.call("transport-send 3133", WAIT);

    assertThat(b.awaitLine(line -> line.startsWith("RECV"), WAIT))
        .matches("RECV fe80:\\S+ ff02:0:0:0:0:0:0:12 255 313312 on-context=true");
  }

  @Test
  void unicastSendsToEachPeerAndDropsAdvertsFromUnlistedHosts() throws Exception {
    a.call("transport unicast eth0 v4 10.99.0.1 10.99.0.2,10.99.0.3", WAIT);
    b.call("transport unicast eth0 v4 10.99.0.2 10.99.0.1", WAIT);
    c.call("transport unicast eth0 v4 10.99.0.3 10.99.0.2", WAIT); // a is not c's peer
    for (NamespacedJvm node : new NamespacedJvm[] {a, b, c}) {
      node.awaitLine("STARTED"::equals, WAIT);
    }

    a.call("transport-send 3133", WAIT);

    assertThat(b.awaitLine(line -> line.startsWith("RECV"), WAIT))
        .isEqualTo("RECV 10.99.0.1 10.99.0.2 255 313302 on-context=true");
    await().atMost(WAIT).until(() -> c.call("transport-drops", WAIT).equals("{unknown-peer=1}"));
    // c heard nothing it accepted: its next accepted advert comes from b, its listed peer
    b.call("transport-stop", WAIT);
    b.call("transport unicast eth0 v4 10.99.0.2 10.99.0.3", WAIT);
    b.awaitLine("STARTED"::equals, WAIT);
    b.call("transport-send 3133", WAIT);
    assertThat(c.awaitLine(line -> line.startsWith("RECV"), WAIT))
        .isEqualTo("RECV 10.99.0.2 10.99.0.3 255 313303 on-context=true");
  }
}
