package io.vipd.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipd.testkit.NamespacedJvm;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two namespaces on one bridge exchange raw VRRP packets, each side a child JVM running {@link NetAgent}. */
class RawVrrpSocketIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  // a VRRPv3 advert (RFC 5798 section 5.1) as bytes: only its integrity matters here
  private static final String ADVERT = "3133640100640000";

  private static Lab lab;
  private static LabHost a;
  private static LabHost b;
  private static NamespacedJvm agentA;
  private static NamespacedJvm agentB;

  @BeforeAll
  static void twoNodes() throws Exception {
    Environment.requireRootAndTools("ip", "sysctl");
    lab = Lab.create().withoutDuplicateAddressDetection();
    a = lab.addHost("a", 1);
    b = lab.addHost("b", 2);
    agentA = lab.closing(NamespacedJvm.start(a.namespace(), NetAgent.class));
    agentB = lab.closing(NamespacedJvm.start(b.namespace(), NetAgent.class));
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close(); // closes the agents first
    }
  }

  @Test
  void ipv4AdvertToTheGroupArrivesWithTtl255FromOurSourceIntact() throws Exception {
    agentB.call("vrrp-open eth0 10.99.0.2 multicast", WAIT);
    agentA.call("vrrp-open eth0 10.99.0.1 multicast", WAIT);

    agentA.call("vrrp-send 224.0.0.18 " + ADVERT, WAIT);

    String received = agentB.awaitLine(line -> line.startsWith("RECV 10.99.0.1"), WAIT);
    assertThat(received).isEqualTo("RECV 10.99.0.1 224.0.0.18 255 " + ADVERT);
    agentA.call("vrrp-close", WAIT);
    agentB.call("vrrp-close", WAIT);
  }

  @Test
  void ipv6AdvertToTheGroupArrivesWithHopLimit255FromOurLinkLocalIntact() throws Exception {
    String linkLocalA = a.linkLocal().getHostAddress().replaceAll("%.*", "") + "%eth0";
    agentB.call("vrrp-open eth0 " + b.linkLocal().getHostAddress().replaceAll("%.*", "") + "%eth0 multicast", WAIT);
    agentA.call("vrrp-open eth0 " + linkLocalA + " multicast", WAIT);

    agentA.call("vrrp-send ff02::12 " + ADVERT, WAIT);

    String received = agentB.awaitLine(line -> line.startsWith("RECV fe80"), WAIT);
    String source = a.linkLocal().getHostAddress().replaceAll("%.*", "");
    assertThat(received).matches("RECV " + source + "%\\S+ ff02:0:0:0:0:0:0:12 255 " + ADVERT);
    agentA.call("vrrp-close", WAIT);
    agentB.call("vrrp-close", WAIT);
  }

  @Test
  void unicastAdvertReachesOnlyThePeerAddressed() throws Exception {
    agentB.call("vrrp-open eth0 fd99::2 unicast", WAIT);
    agentA.call("vrrp-open eth0 fd99::1 unicast", WAIT);

    agentA.call("vrrp-send fd99::2 " + ADVERT, WAIT);

    assertThat(agentB.awaitLine(line -> line.startsWith("RECV"), WAIT))
        .isEqualTo("RECV fd99:0:0:0:0:0:0:1 fd99:0:0:0:0:0:0:2 255 " + ADVERT);
    agentA.call("vrrp-close", WAIT);
    agentB.call("vrrp-close", WAIT);
  }
}
