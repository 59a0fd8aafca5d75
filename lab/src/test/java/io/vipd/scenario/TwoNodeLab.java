package io.vipd.scenario;

import io.vipd.instance.TransitionLine;
import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The scenario set-up: a {@link Lab} with two vipd nodes ({@code n1} 10.99.0.11, {@code n2} 10.99.0.12)
 * and a client ({@code client} 10.99.0.50) on one bridge. Each node runs {@code vipd run} as its own
 * JVM in its own namespace; the client's pings and neighbour table are the observer. Every wait has a
 * deadline, and a failed wait carries both nodes' logs. {@link #close()} removes everything.
 */
final class TwoNodeLab implements AutoCloseable {
  static final String VIP4 = "10.99.0.10";
  static final String VIP6 = "fd99::10";

  private final Lab lab;
  private final Node n1;
  private final Node n2;
  private final LabHost client;

  private TwoNodeLab(Lab lab, Node n1, Node n2, LabHost client) {
    this.lab = lab;
    this.n1 = n1;
    this.n2 = n2;
    this.client = client;
  }

  /** Builds the lab; config files and logs go to {@code directory}. */
  static TwoNodeLab create(Path directory) throws IOException {
    Lab lab = Lab.create();
    try {
      Node n1 = new Node(lab.addHost("n1", 11), directory);
      Node n2 = new Node(lab.addHost("n2", 12), directory);
      LabHost client = lab.addHost("client", 50);
      return new TwoNodeLab(lab, n1, n2, client);
    } catch (IOException | RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  Node n1() {
    return n1;
  }

  Node n2() {
    return n2;
  }

  LabHost client() {
    return client;
  }

  /** Runs a command inside the switch's namespace (nftables rules on the bridge, say). */
  String inBridge(String... command) throws IOException {
    return lab.inBridge(command);
  }

  /**
   * Starts both nodes at once (their JVMs start in parallel). For an IPv6 VIP the nodes' link-local
   * addresses, which VRRPv3 adverts come from, are first made tentative for 3 s (duplicate address
   * detection, as right after boot): vipd must wait for them rather than fail to bind.
   */
  void startBoth(NodeConfig first, NodeConfig second) throws IOException {
    if (first.vip().contains(":")) {
      restartDuplicateAddressDetection(n1.host());
      restartDuplicateAddressDetection(n2.host());
      assertThat(hasTentativeLinkLocal(n1.host()) && hasTentativeLinkLocal(n2.host()))
          .as("link-local addresses are tentative when vipd starts").isTrue();
    }
    n1.start(first);
    n2.start(second);
  }

  /** Re-adds the host's link-local address with 3 DAD probes: it stays tentative for about 3 s. */
  private static void restartDuplicateAddressDetection(LabHost host) throws IOException {
    String line = host.exec("ip", "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link").trim();
    String address = line.split("\\s+")[3];
    host.exec("sysctl", "-qw", "net.ipv6.conf.eth0.dad_transmits=3");
    host.exec("ip", "-6", "addr", "del", address, "dev", "eth0");
    host.exec("ip", "-6", "addr", "add", address, "dev", "eth0", "scope", "link");
  }

  /**
   * Waits until {@code master} holds the VIP in MASTER and {@code backup} is a BACKUP without it: both
   * JVMs started, and the master's first Master_Down_Interval (or preemption) has passed.
   */
  void awaitMasterAndBackup(Node master, Node backup, String vip, Duration deadline) {
    awaitTrue(master.name() + " MASTER with " + vip + ", " + backup.name() + " BACKUP without it", deadline,
        () -> master.state().equals("MASTER") && master.hasAddress(vip)
            && backup.state().equals("BACKUP") && !backup.hasAddress(vip));
  }

  private static boolean hasTentativeLinkLocal(LabHost host) throws IOException {
    return !host.exec("ip", "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link", "tentative").isBlank();
  }

  /** Waits until {@code node} holds {@code vip} in MASTER. */
  void awaitMaster(Node node, String vip, Duration deadline) {
    awaitTrue(node.name() + " MASTER with " + vip, deadline,
        () -> node.state().equals("MASTER") && node.hasAddress(vip));
  }

  /** Waits until {@code node}'s current run logs a transition into {@code state} after {@code mark}. */
  TransitionLine awaitTransitionInto(Node node, String state, int mark, Duration deadline) throws IOException {
    awaitTrue(node.name() + " enters " + state, deadline, () -> node.firstInto(state, mark).isPresent());
    return node.firstInto(state, mark).orElseThrow();
  }

  /** Waits until {@code node}'s log contains {@code text}. */
  void awaitLog(Node node, String text, Duration deadline) {
    awaitTrue(node.name() + " logs '" + text + "'", deadline, () -> node.log().contains(text));
  }

  /** Waits for {@code condition}; on timeout fails with {@code what} and both nodes' logs. */
  void awaitTrue(String what, Duration deadline, Callable<Boolean> condition) {
    try {
      await().atMost(deadline).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not within " + deadline.toMillis() + " ms: " + what + "\n" + logs(), e);
    }
  }

  /** Asserts that {@code condition} holds throughout {@code period}. */
  void staysSoFor(Duration period, String what, Callable<Boolean> condition) {
    try {
      await().during(period).atMost(period.plusSeconds(2)).pollInterval(Duration.ofMillis(50)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("did not stay so for " + period.toMillis() + " ms: " + what + "\n" + logs(), e);
    }
  }

  /** One ping from the client (IPv6 when the address is); true when it was answered within a second. */
  boolean clientPings(String address) {
    try {
      client.exec("ping", address.contains(":") ? "-6" : "-4", "-c", "1", "-W", "1", address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The MAC the client's neighbour table holds for {@code address}, or null. */
  String clientNeighbourMac(String address) throws IOException {
    return client.neighbourMac(address);
  }

  /** Prints a measurement to the test output (kept in the failsafe report). */
  void note(String measurement) {
    System.out.println("[scenario " + lab.prefix() + "] " + measurement);
  }

  /** Both nodes' logs, for assertion messages. */
  String logs() {
    try {
      return "---- n1 log ----\n" + n1.log() + "---- n2 log ----\n" + n2.log() + "----";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the lab; with {@code -Dvipd.scenario.logs=true} prints both logs first, passed or not. */
  @Override
  public void close() {
    if (Boolean.getBoolean("vipd.scenario.logs")) {
      note("\n" + logs());
    }
    lab.close();
  }
}
