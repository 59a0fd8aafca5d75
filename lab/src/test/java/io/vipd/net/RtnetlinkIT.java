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

/** VIP management and the link/address monitor against a real kernel, inside a namespace. */
class RtnetlinkIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static Lab lab;
  private static LabHost node;
  private static NamespacedJvm agent;

  @BeforeAll
  static void oneNode() throws Exception {
    Environment.requireRootAndTools("ip", "sysctl");
    lab = Lab.create().withoutDuplicateAddressDetection();
    node = lab.addHost("n", 1);
    agent = lab.closing(NamespacedJvm.start(node.namespace(), NetAgent.class));
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close(); // closes the agents first
    }
  }

  @Test
  void ipv4VipWithLabelAppearsOnceAndDisappearsOnRemoval() throws Exception {
    assertThat(agent.call("addr-add eth0 10.99.0.100 24 eth0:vip", WAIT)).isEqualTo("true");
    assertThat(agent.call("addr-add eth0 10.99.0.100 24 eth0:vip", WAIT)).as("second add").isEqualTo("false");

    assertThat(node.exec("ip", "-o", "-4", "addr", "show", "dev", "eth0"))
        .contains("inet 10.99.0.100/24").contains("eth0:vip");
    assertThat(agent.call("addr-list eth0", WAIT)).contains("10.99.0.1/24", "10.99.0.100/24=eth0:vip");

    assertThat(agent.call("addr-del eth0 10.99.0.100 24", WAIT)).isEqualTo("true");
    assertThat(agent.call("addr-del eth0 10.99.0.100 24", WAIT)).as("second remove").isEqualTo("false");
    assertThat(node.exec("ip", "-o", "-4", "addr", "show", "dev", "eth0")).doesNotContain("10.99.0.100");
  }

  @Test
  void ipv6VipIsUsableAtOnceWithoutDuplicateAddressDetection() throws Exception {
    assertThat(agent.call("addr-add eth0 fd99::100 64", WAIT)).isEqualTo("true");
    assertThat(agent.call("addr-add eth0 fd99::100 64", WAIT)).isEqualTo("false");

    String shown = node.exec("ip", "-o", "-6", "addr", "show", "dev", "eth0");
    assertThat(shown).contains("inet6 fd99::100/64").doesNotContain("tentative");

    assertThat(agent.call("addr-del eth0 fd99::100 64", WAIT)).isEqualTo("true");
    assertThat(agent.call("addr-del eth0 fd99::100 64", WAIT)).isEqualTo("false");
    assertThat(node.exec("ip", "-o", "-6", "addr", "show", "dev", "eth0")).doesNotContain("fd99::100");
  }

  @Test
  void addingToAMissingInterfaceFailsWithTheKernelsReason() throws Exception {
    agent.send("addr-add nosuch0 10.99.0.100 24");
    assertThat(agent.awaitLine(line -> line.startsWith("ERR") || line.startsWith("OK"), WAIT))
        .startsWith("ERR").contains("nosuch0").contains("No such device");
  }

  @Test
  void primaryAddressesAreTheFirstIpv4AndTheLinkLocal() throws Exception {
    assertThat(agent.call("primary eth0 v4", WAIT)).isEqualTo("10.99.0.1");
    assertThat(agent.call("primary eth0 v6", WAIT)).startsWith("fe80:");
  }

  @Test
  void monitorReportsLinkDownAndUpAndAVipRemovedBehindOurBack() throws Exception {
    NamespacedJvm watcher = NamespacedJvm.start(node.namespace(), NetAgent.class);
    try {
      watcher.call("monitor", WAIT);
      watcher.awaitLine(line -> line.equals("EVENT LinkChanged[interfaceName=eth0, up=true]"), WAIT);

      node.exec("ip", "link", "set", "eth0", "down");
      watcher.awaitLine(line -> line.equals("EVENT LinkChanged[interfaceName=eth0, up=false]"), WAIT);
      node.exec("ip", "link", "set", "eth0", "up");
      watcher.awaitLine(line -> line.equals("EVENT LinkChanged[interfaceName=eth0, up=true]"), WAIT);

      agent.call("addr-add eth0 10.99.0.101 24", WAIT);
      node.exec("ip", "addr", "del", "10.99.0.101/24", "dev", "eth0");
      watcher.awaitLine(line -> line.startsWith("EVENT AddressRemoved[interfaceName=eth0, address=/10.99.0.101,"), WAIT);

      agent.call("addr-add eth0 fd99::101 64", WAIT);
      node.exec("ip", "addr", "del", "fd99::101/64", "dev", "eth0");
      watcher.awaitLine(line -> line.startsWith("EVENT AddressRemoved[interfaceName=eth0, address=/fd99:0:0:0:0:0:0:101,"),
          WAIT);
    } finally {
      watcher.close();
    }
  }
}
