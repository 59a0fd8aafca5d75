package io.vipd.e2e.udp;

import io.vipd.instance.TransitionLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipd.e2e.udp.UdpCluster.Node;
import io.vipd.lab.LabHost;
import io.vipd.testkit.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The udp transport plugin of the assembled distribution, in a lab whose nodes drop IP protocol 112 the way
 * cloud networks do: why it exists (multicast VRRP splits the brain there), that it fails over, and that its
 * authentication holds against a node with the wrong key, against replayed adverts, and through a key rotation
 * done the way the README says.
 *
 * <p>Adverts every second: a backup declares the master dead after 3 s plus its skew (about 3.6 s).
 */
class VrrpOverUdpIT {
  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration FAILOVER = Duration.ofSeconds(15);
  /** Longer than a backup's master-down interval: a backup that hears no master is MASTER by then. */
  private static final Duration LONGER_THAN_MASTER_DOWN = Duration.ofSeconds(5);

  @TempDir Path dir;
  private UdpCluster cluster;

  @BeforeAll
  static void needsRootAndTools() {
    Environment.requireRootAndTools("ip", "nft", "tcpdump", "ping");
  }

  @BeforeEach
  void createLab() throws IOException {
    cluster = UdpCluster.create(dir);
  }

  @AfterEach
  void removeLab(TestInfo test) throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    keepLogs(test.getTestMethod().map(m -> m.getName()).orElse("unknown"));
  }

  /** The daemons' logs, configs and tool output outlive the @TempDir in target/udp-it/TEST, for post-mortems. */
  private void keepLogs(String testName) throws IOException {
    Path kept = Path.of("target", "udp-it", testName);
    Files.createDirectories(kept);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(log|yaml|out)$")).toList()) {
        Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void multicastTransportSplitsTheBrainWhenProtocol112IsDropped() throws Exception {
    Node n1 = cluster.start(cluster.n1, NodeConfig.multicast("n1", 150));
    Node n2 = cluster.start(cluster.n2, NodeConfig.multicast("n2", 100));

    awaitState(n1, "MASTER", START);
    awaitState(n2, "MASTER", START);
    assertThat(n1.holdsVip()).as("n1 holds the VIP").isTrue();
    assertThat(n2.holdsVip()).as("n2 holds the VIP at the same time: split brain").isTrue();
    assertThat(n2.transitions()).as("n2 never heard n1's adverts")
        .map(Object::toString).contains("BACKUP -> MASTER (master-down timer expired)");
  }

  @Test
  void udpTransportFailsOverWhenProtocol112IsDropped() throws Exception {
    NodeConfig.Key key = cluster.newKey("vrrp", 1);
    Node n1 = startMaster(cluster.n1, NodeConfig.udp("n1", 150, List.of(cluster.n2.ipv4()), key));
    Node n2 = startBackup(cluster.n2, NodeConfig.udp("n2", 100, List.of(cluster.n1.ipv4()), key));
    assertThat(n2.holdsVip()).isFalse();
    assertThat(cluster.client.exec("ping", "-c", "1", "-W", "2", UdpCluster.VIP)).contains("1 received");
    assertThat(cluster.client.neighbourMac(UdpCluster.VIP)).isEqualTo(cluster.n1.mac());

    n1.vipd().kill();

    awaitState(n2, "MASTER", FAILOVER);
    assertThat(n2.transitions()).last()
        .hasToString("BACKUP -> MASTER (master-down timer expired)");
    assertThat(n2.holdsVip()).isTrue();
    String n2Mac = cluster.n2.mac();
    await("client's neighbour entry for the VIP moves to n2").atMost(FAILOVER)
        .until(() -> n2Mac.equals(cluster.client.neighbourMac(UdpCluster.VIP)));
    assertThat(cluster.client.exec("ping", "-c", "1", "-W", "2", UdpCluster.VIP)).contains("1 received");
    assertThat(n2.dropLines()).as("no datagram of a correctly keyed peer was dropped").isEmpty();
  }

  @Test
  void nodeWithWrongKeyIsIgnored() throws Exception {
    LabHost h3 = cluster.addNode("n3", 13);
    NodeConfig.Key key = cluster.newKey("vrrp", 1);
    NodeConfig.Key wrongKey = cluster.newKey("wrong", 1);
    String ip1 = cluster.n1.ipv4();
    String ip2 = cluster.n2.ipv4();
    String ip3 = h3.ipv4();
    Node n1 = startMaster(cluster.n1, NodeConfig.udp("n1", 150, List.of(ip2, ip3), key));
    // no need to watch n2 settle: were it deaf to n1, it would become MASTER while n3 starts up
    Node n2 = awaitState(
        cluster.start(cluster.n2, NodeConfig.udp("n2", 100, List.of(ip1, ip3), key)), "BACKUP", START);
    int n1Before = n1.transitions().size();
    int n2Before = n2.transitions().size();

    // the highest priority: were its adverts accepted, n1 would step down and n2 would follow n3
    Node n3 = cluster.start(h3, NodeConfig.udp("n3", 200, List.of(ip1, ip2), wrongKey));
    awaitState(n3, "MASTER", START);
    await("n1 and n2 drop n3's adverts as bad-hmac").atMost(FAILOVER).until(
        () -> n1.drops(ip3, "bad-hmac") >= 3 && n2.drops(ip3, "bad-hmac") >= 3);

    assertThat(n1.transitionsAfter(n1Before)).as("n1 transitions since n3 started").isEmpty();
    assertThat(n2.transitionsAfter(n2Before)).as("n2 transitions since n3 started").isEmpty();
    assertThat(n1.holdsVip()).isTrue();
    assertThat(n3.drops(ip1, "bad-hmac")).as("n3 cannot read n1 either").isPositive();
    assertThat(n1.dropLines()).allMatch(line -> line.contains("from " + ip3 + ": bad-hmac"));
  }

  /**
   * An attacker replays a master's captured adverts from its address: refused as {@code replay} while the
   * backup remembers that run, and as {@code stale} after the backup restarts. The dead master stays dead.
   */
  @Test
  void replayedPacketsAreRejected() throws Exception {
    NodeConfig.Key key = cluster.newKey("vrrp", 1);
    String ip1 = cluster.n1.ipv4();
    String ip2 = cluster.n2.ipv4();
    Node n1 = startMaster(cluster.n1, NodeConfig.udp("n1", 150, List.of(ip2), key));
    // a short window, so that the capture is older than it by the time n2 restarts below
    Node n2 = awaitState(cluster.start(cluster.n2,
        NodeConfig.udp("n2", 100, List.of(ip1), key).withReplayWindow("2s")), "BACKUP", START);

    List<Path> captured = captureAdverts(cluster.n2, ip1, 3);
    Process replayer = cluster.spawn(cluster.n1, "replayer", replayCommand(ip1, ip2, captured));
    await("replayed adverts reach n2 and are refused").atMost(FAILOVER)
        .until(() -> n2.drops(ip1, "replay") >= 3);

    n1.vipd().kill();
    long killed = System.nanoTime();
    long replaysAtKill = n2.drops(ip1, "replay");
    awaitState(n2, "MASTER", FAILOVER);
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

    assertThat(replayer.isAlive()).as("the replayer kept sending").isTrue();
    assertThat(n2.transitions()).last()
        .hasToString("BACKUP -> MASTER (master-down timer expired)");
    assertThat(takeover).as("master-down interval (3.6 s) plus log polling").isLessThan(Duration.ofSeconds(8));
    assertThat(n2.drops(ip1, "replay") - replaysAtKill)
        .as("replays refused while n2 waited for the dead master (one every 250 ms)").isGreaterThanOrEqualTo(5);
    assertThat(n2.dropLines()).allMatch(line -> line.contains("from " + ip1 + ": replay"));

    // a restarted receiver has forgotten the dead master's sequence numbers; the timestamps still give it away
    NodeConfig sameConfig = NodeConfig.udp("n2", 100, List.of(ip1), key).withReplayWindow("2s");
    int beforeRestart = n2.transitions().size();
    n2.restartWith(sameConfig);
    await("replays to the restarted n2 are refused as stale").atMost(FAILOVER)
        .until(() -> n2.drops(ip1, "stale") >= 3);
    await("restarted n2 is MASTER again").atMost(FAILOVER)
        .until(() -> n2.transitions().size() >= beforeRestart + 3);
    assertThat(n2.transitionsAfter(beforeRestart)).extracting(TransitionLine::to)
        .containsExactly("STOPPED", "BACKUP", "MASTER");
    assertThat(n2.transitions()).last().extracting(TransitionLine::reason).isEqualTo("master-down timer expired");
  }

  @Test
  void keyRotationWithoutOutage() throws Exception {
    NodeConfig.Key oldKey = cluster.newKey("vrrp", 1);
    NodeConfig.Key newKey = cluster.newKey("vrrp.new", 2);
    NodeConfig c1 = NodeConfig.udp("n1", 150, List.of(cluster.n2.ipv4()), oldKey);
    NodeConfig c2 = NodeConfig.udp("n2", 100, List.of(cluster.n1.ipv4()), oldKey);
    Node n1 = startMaster(cluster.n1, c1);
    Node n2 = startBackup(cluster.n2, c2);
    Process ping = cluster.spawn(cluster.client, "ping",
        List.of("ping", "-n", "-D", "-i", "0.2", "-W", "1", UdpCluster.VIP));
    List<long[]> backupRestarts = new ArrayList<>();

    // README "Key rotation": each step on every node, the backup before the master
    List<NodeConfig.Key[]> steps = List.of(
        new NodeConfig.Key[] {oldKey, newKey},   // 1. accept the new key, still send the old one
        new NodeConfig.Key[] {newKey, oldKey},   // 2. send the new key, still accept the old one
        new NodeConfig.Key[] {newKey, null});    // 3. the old key is gone
    for (NodeConfig.Key[] step : steps) {
      long restartBegins = System.currentTimeMillis();
      restartBackup(n1, n2, c2.withKeys(step[0], step[1]));
      backupRestarts.add(new long[] {restartBegins, System.currentTimeMillis()});
      restartMaster(n1, n2, c1.withKeys(step[0], step[1]));
    }

    ping.destroy();
    ping.waitFor();
    assertThat(n1.dropLines()).as("n1 dropped nothing during the rotation").isEmpty();
    assertThat(n2.dropLines()).as("n2 dropped nothing during the rotation").isEmpty();
    PingLog pings = new PingLog(cluster.file("ping.out"), 200);
    assertThat(pings.replies()).as("the client got replies").isPositive();
    for (long[] restart : backupRestarts) {
      assertThat(pings.lostBetween(restart[0], restart[1])).as("pings lost while the backup restarted").isEmpty();
    }
    System.out.println("keyRotationWithoutOutage: longest run of unanswered pings: " + pings.longestGap());
    assertThat(pings.longestGap()).as("longest run of unanswered pings (0.2 s each), across master restarts")
        .isLessThanOrEqualTo(10);
  }

  /** The backup restarts; the master does not notice, the backup comes back as BACKUP and stays there. */
  private void restartBackup(Node master, Node backup, NodeConfig next) throws Exception {
    int masterBefore = master.transitions().size();
    int backupBefore = backup.transitions().size();
    backup.restartWith(next);
    await("backup back").atMost(START).until(() -> backup.transitions().size() >= backupBefore + 2);
    assertThat(backup.transitionsAfter(backupBefore)).extracting(TransitionLine::to)
        .as("the backup's own restart").containsExactly("STOPPED", "BACKUP");
    stays(backup, "BACKUP");
    assertThat(master.transitionsAfter(masterBefore)).as("master transitions while the backup restarted")
        .isEmpty();
    assertThat(master.holdsVip()).isTrue();
  }

  /**
   * The master restarts: it resigns (priority 0), the backup takes over at once, and the master preempts it
   * again on its return, which shows it authenticated the backup's adverts.
   */
  private void restartMaster(Node master, Node backup, NodeConfig next) throws Exception {
    int masterBefore = master.transitions().size();
    int backupBefore = backup.transitions().size();
    master.restartWith(next);
    await("master back").atMost(START).until(() -> master.transitions().size() >= masterBefore + 3
        && backup.transitions().size() >= backupBefore + 2);
    assertThat(master.transitionsAfter(masterBefore)).extracting(TransitionLine::to)
        .containsExactly("STOPPED", "BACKUP", "MASTER");
    assertThat(master.transitions()).last().extracting(TransitionLine::reason).asString()
        .startsWith("preempting lower-priority master " + backup.host().ipv4());
    List<TransitionLine> handover = backup.transitionsAfter(backupBefore);
    assertThat(handover).extracting(TransitionLine::to).containsExactly("MASTER", "BACKUP");
    assertThat(handover.get(0).reason()).contains("priority-0");
    assertThat(master.holdsVip()).isTrue();
  }

  private Node startMaster(LabHost host, NodeConfig config) throws Exception {
    return awaitState(cluster.start(host, config), "MASTER", START);
  }

  private Node startBackup(LabHost host, NodeConfig config) throws Exception {
    Node node = awaitState(cluster.start(host, config), "BACKUP", START);
    stays(node, "BACKUP");
    return node;
  }

  /** Holds for longer than the master-down interval: the node hears the master. */
  private static void stays(Node node, String state) {
    await(node.host().name() + " stays " + state).during(LONGER_THAN_MASTER_DOWN)
        .atMost(LONGER_THAN_MASTER_DOWN.plusSeconds(2))
        .until(() -> node.state().equals(state));
  }

  private static Node awaitState(Node node, String state, Duration atMost) {
    await(node.host().name() + " becomes " + state).atMost(atMost).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(node.state()).as(() -> node.host().name() + " log:\n" + tail(node))
            .isEqualTo(state));
    return node;
  }

  private static String tail(Node node) {
    List<String> lines = node.log().text().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** tcpdump in {@code host}: the first {@code count} udp adverts from {@code source}, one file each. */
  private List<Path> captureAdverts(LabHost host, String source, int count) throws Exception {
    Path pcap = dir.resolve("adverts.pcap");
    Process tcpdump = cluster.spawn(host, "tcpdump", List.of("tcpdump", "-i", "eth0", "-n", "-U",
        "-c", String.valueOf(count), "-w", pcap.toString(), "udp and src host " + source + " and dst port 5798"));
    await("tcpdump captured " + count + " adverts").atMost(FAILOVER).until(() -> !tcpdump.isAlive());
    assertThat(tcpdump.exitValue()).isZero();
    List<byte[]> datagrams = PcapDatagrams.udpPayloads(pcap);
    assertThat(datagrams).hasSize(count)
        .allSatisfy(d -> assertThat(d).as("magic 'V', format version 1").startsWith(0x56, 0x01));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < datagrams.size(); i++) {
      files.add(Files.write(dir.resolve("advert-" + i + ".bin"), datagrams.get(i)));
    }
    return files;
  }

  private static List<String> replayCommand(String from, String to, List<Path> datagrams) throws Exception {
    Path classes = Path.of(DatagramReplayer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1",
        "-cp", classes.toString(), DatagramReplayer.class.getName(), from, to, "5798", "250"));
    datagrams.forEach(d -> command.add(d.toString()));
    return command;
  }
}
