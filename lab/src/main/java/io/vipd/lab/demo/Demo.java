package io.vipd.lab.demo;

import io.vipd.lab.Lab;
import io.vipd.lab.Conditions;
import io.vipd.lab.LabHost;
import io.vipd.lab.NodeConfig;
import io.vipd.lab.Outage;
import io.vipd.lab.Probe;
import io.vipd.lab.VipdProcess;
import io.vipd.net.EchoReply;
import io.vipd.vrrp.VrrpTimers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code vipd demo}: two vipd nodes and a client on a throwaway virtual LAN ({@link Lab}). The client pings
 * the VIP at a fixed rate while the master is killed and later comes back; the demo shows the VIP's MAC in
 * the client's neighbour table moving between the nodes and the gaps the client saw. Everything it
 * creates lives in network namespaces of its own and is removed at the end, also on Ctrl-C.
 */
public final class Demo {
  static final String VIP = "10.99.0.10";
  static final int VRID = 51;
  static final int VERSION = 3;
  static final Duration ADVERT_INTERVAL = Duration.ofMillis(100);
  static final Duration PROBE_INTERVAL = Duration.ofMillis(10);
  private static final Duration DAEMON_START = Duration.ofSeconds(30);
  private static final Duration TAKEOVER = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final boolean keepLogs;

  /** Writes its story to {@code out}; {@code keepLogs} keeps the temp directory of configs and logs. */
  public Demo(PrintWriter out, boolean keepLogs) {
    this.out = out;
    this.keepLogs = keepLogs;
  }

  /** Runs the demo; returns the process exit code (0: the VIP moved and came back as expected). */
  public int run() throws InterruptedException {
    List<String> problems = Preconditions.problems();
    if (!problems.isEmpty()) {
      problems.forEach(p -> out.println("vipd demo: " + p));
      out.flush();
      return 1;
    }
    Path logs;
    try {
      logs = Files.createTempDirectory("vipd-demo-");
    } catch (IOException e) {
      out.println("vipd demo: cannot create a temporary directory: " + e.getMessage());
      return 1;
    }
    String prefix = null;
    boolean succeeded = false;
    try (Lab lab = Lab.create()) {
      prefix = lab.prefix();
      scenario(lab, logs);
      succeeded = true;
    } catch (DemoFailure | IOException e) {
      out.println();
      out.println("vipd demo FAILED: " + e.getMessage());
    } finally {
      if (prefix != null) {
        out.println();
        out.println("Cleaned up: processes stopped, namespaces " + prefix + "-* removed.");
      }
      if (succeeded && !keepLogs) {
        deleteQuietly(logs);
      } else {
        out.println("Configs and vipd logs kept in " + logs + "/");
      }
      out.flush();
    }
    return succeeded ? 0 : 1;
  }

  private void scenario(Lab lab, Path logs) throws IOException, InterruptedException, DemoFailure {
    LabHost node1 = lab.addHost("node1", 11);
    LabHost node2 = lab.addHost("node2", 12);
    LabHost client = lab.addHost("client", 99);
    String mac1 = node1.mac();
    String mac2 = node2.mac();
    Duration skew2 = VrrpTimers.skewTime(VERSION, 100, centis(ADVERT_INTERVAL));
    Duration masterDown2 = VrrpTimers.masterDownInterval(VERSION, 100, centis(ADVERT_INTERVAL));
    Duration skew1 = VrrpTimers.skewTime(VERSION, 150, centis(ADVERT_INTERVAL));

    out.printf("vipd demo: two vipd nodes and a client on a virtual LAN (network namespaces %s-*)%n",
        lab.prefix());
    out.printf("  node1   %-11s %s  priority 150%n", node1.ipv4(), mac1);
    out.printf("  node2   %-11s %s  priority 100%n", node2.ipv4(), mac2);
    out.printf("  client  %-11s %s%n", client.ipv4(), client.mac());
    out.printf("  VIP     %s/24, VRRP v%d, adverts every %d ms; vipd logs in %s/%n%n", VIP, VERSION,
        ADVERT_INTERVAL.toMillis(), logs);
    out.flush();

    step("[1] Starting vipd on node1 and node2 ...");
    VipdProcess vipd1 = VipdProcess.start(node1, config("node1", 150).writeTo(logs.resolve("node1.yaml")),
        logs.resolve("node1.log"), List.of());
    VipdProcess vipd2 = VipdProcess.start(node2, config("node2", 100).writeTo(logs.resolve("node2.yaml")),
        logs.resolve("node2.log"), List.of());
    long started = System.nanoTime();
    if (!Conditions.await(() -> node1.hasAddress(VIP) || !vipd1.isAlive() || !vipd2.isAlive(), DAEMON_START)) {
      throw new DemoFailure("node1 did not become MASTER (waited " + DAEMON_START.toSeconds() + " s)");
    }
    requireAlive(vipd1, "node1");
    requireAlive(vipd2, "node2");
    out.printf(" node1 is MASTER (it holds the VIP), node2 is BACKUP. [%s]%n", seconds(System.nanoTime() - started));

    try (Probe probe = Probe.start(client, VIP, PROBE_INTERVAL)) {
      probe.awaitReplyFrom(mac1, Duration.ofSeconds(5))
          .orElseThrow(() -> new DemoFailure("the client got no reply from node1 for the VIP"));
      out.println();
      out.println("[2] The client pings the VIP; node1 answers. The client's neighbour table (arp -a):");
      out.print(picture(client, node1, node2));
      out.println("    The VIP has node1's MAC: the master answers ARP for it.");

      out.println();
      out.printf("[3] The client now pings the VIP every %d ms. Killing vipd on node1 (SIGKILL) ...%n",
          PROBE_INTERVAL.toMillis());
      out.flush();
      long killed = System.nanoTime();
      vipd1.kill();
      EchoReply firstFrom2 = probe.awaitReplyFrom(mac2, killed, TAKEOVER)
          .orElseThrow(() -> new DemoFailure("node2 did not take the VIP over after node1's vipd was killed"));
      Outage failover = probe.outage(mac1, mac2, killed - Duration.ofSeconds(1).toNanos())
          .orElseThrow(() -> new DemoFailure("no switch from node1's MAC to node2's in the client's replies"));
      out.printf("    node2 took the VIP over %s after the kill (Master_Down_Interval is %s).%n",
          millis(firstFrom2.nanos() - killed), millis(masterDown2.toNanos()));
      out.printf("    The client's replies switched from node1's MAC to node2's with a gap of %s.%n",
          millis(failover.firstNewNanos() - failover.lastOldNanos()));
      out.println("    (A killed vipd leaves the VIP on node1's interface, so node1 kept answering until node2's");
      out.println("    gratuitous ARP; a dead host would leave the client without replies for the whole interval.)");
      out.print(picture(client, node1, node2));

      out.println();
      out.println("[4] Restarting vipd on node1: priority 150 beats node2's 100, so it takes the VIP back ...");
      out.flush();
      long restarted = System.nanoTime();
      vipd1.start();
      EchoReply firstFrom1 = probe.awaitReplyFrom(mac1, restarted, DAEMON_START)
          .orElseThrow(() -> new DemoFailure("node1 did not take the VIP back after its restart"));
      Outage preemption = probe.outage(mac2, mac1, restarted)
          .orElseThrow(() -> new DemoFailure("no switch from node2's MAC back to node1's in the client's replies"));
      out.printf("    node1 is MASTER again %s after its restart (JVM start, then Skew_Time %s).%n",
          seconds(firstFrom1.nanos() - restarted), millis(skew1.toNanos()));
      out.printf("    The client's replies switched back to node1's MAC with a gap of %s.%n",
          millis(preemption.firstNewNanos() - preemption.lastOldNanos()));
      out.print(picture(client, node1, node2));

      out.println();
      out.println("Summary (as the client saw it, pinging every " + PROBE_INTERVAL.toMillis() + " ms):");
      out.printf("  master killed:        VIP moved node1 -> node2, reply gap %s, takeover after %s%n",
          millis(failover.firstNewNanos() - failover.lastOldNanos()), millis(firstFrom2.nanos() - killed));
      out.printf("  old master restarted: VIP moved node2 -> node1, reply gap %s (preemption)%n",
          millis(preemption.firstNewNanos() - preemption.lastOldNanos()));
      out.printf("  timers: Master_Down_Interval %s, Skew_Time %s (node2) / %s (node1)%n",
          millis(masterDown2.toNanos()), millis(skew2.toNanos()), millis(skew1.toNanos()));
    }
    vipd1.stop(Duration.ofSeconds(5));
    vipd2.stop(Duration.ofSeconds(5));
  }

  private static NodeConfig config(String node, int priority) {
    return new NodeConfig(node, VERSION, VRID, priority, ADVERT_INTERVAL, VIP + "/24");
  }

  private String picture(LabHost client, LabHost node1, LabHost node2) throws IOException {
    List<NeighbourPicture.Row> nodes = List.of(
        new NeighbourPicture.Row("node1", node1.ipv4(), node1.mac()),
        new NeighbourPicture.Row("node2", node2.ipv4(), node2.mac()));
    NeighbourPicture.Row vip = new NeighbourPicture.Row("VIP", VIP, client.neighbourMac(VIP));
    return NeighbourPicture.render(nodes, vip, "      ");
  }

  private void step(String text) {
    out.print(text);
    out.flush();
  }

  private static void requireAlive(VipdProcess vipd, String node) throws DemoFailure {
    if (!vipd.isAlive()) {
      throw new DemoFailure("vipd on " + node + " exited; see " + vipd.log());
    }
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static int centis(Duration interval) {
    return (int) (interval.toMillis() / 10);
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
