package io.vipd.interop;

import io.vipd.instance.TransitionLine;
import static org.awaitility.Awaitility.await;

import io.vipd.lab.KeepalivedConfig;
import io.vipd.lab.KeepalivedProcess;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One VRRP group of a vipd and a keepalived on a throwaway {@link Lab}, plus a client host that watches the
 * VIP: vipd on 10.99.0.11, keepalived on 10.99.0.12, the client on 10.99.0.20, the VIP 10.99.0.100.
 */
final class InteropLab implements AutoCloseable {
  static final int VRID = 51;
  static final String VIP = "10.99.0.100";

  /** The VRRP version and advert interval both daemons use. */
  record Protocol(int version, Duration interval) {
    @Override
    public String toString() {
      return "VRRPv" + version + " " + interval.toMillis() + " ms";
    }
  }


  private final Lab lab;
  private final Path directory;
  final Protocol protocol;
  final LabHost vipdHost;
  final LabHost keepalivedHost;
  final LabHost client;
  private VipdProcess vipd;
  private KeepalivedProcess keepalived;

  private InteropLab(Lab lab, Path directory, Protocol protocol) throws IOException {
    this.lab = lab;
    this.directory = directory;
    this.protocol = protocol;
    this.vipdHost = lab.addHost("vipd", 11);
    this.keepalivedHost = lab.addHost("ka", 12);
    this.client = lab.addHost("client", 20);
    // A neighbour entry younger than locktime ignores gratuitous ARP; at 100 ms adverts a takeover can come
    // sooner than that after the client's last ARP exchange.
    client.exec("sysctl", "-q", "-w", "net.ipv4.neigh.eth0.locktime=0");
  }

  static InteropLab create(Protocol protocol, Path directory) throws IOException {
    Lab lab = Lab.create();
    try {
      return new InteropLab(lab, directory, protocol);
    } catch (IOException | RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  /** A keepalived configuration of this group at {@code priority}. */
  KeepalivedConfig keepalivedConfig(int priority) {
    return KeepalivedConfig.of(VRID, priority, protocol.version(), VIP + "/24")
        .withAdvertInterval(protocol.interval());
  }

  KeepalivedProcess startKeepalived(KeepalivedConfig config) throws IOException {
    keepalived = KeepalivedProcess.start(keepalivedHost, config, directory);
    return keepalived;
  }

  KeepalivedProcess startKeepalived(int priority) throws IOException {
    return startKeepalived(keepalivedConfig(priority));
  }

  /**
   * Writes vipd's configuration at {@code priority}, with {@code extraKeys} (YAML lines of the instance,
   * e.g. {@code "auth: {type: pass, password: x}"}), and starts it, or starts it again with the new file.
   */
  VipdProcess startVipd(int priority, String... extraKeys) throws IOException {
    Path config = directory.resolve("vipd.yaml");
    List<String> lines = new ArrayList<>(List.of(
        "node: vipd",
        "instances:",
        "  - name: vi1",
        "    interface: eth0",
        "    vrid: " + VRID,
        "    version: " + protocol.version(),
        "    priority: " + priority,
        "    advert-interval: " + protocol.interval().toMillis() + "ms",
        "    vips: [" + VIP + "/24]"));
    for (String key : extraKeys) {
      lines.add("    " + key);
    }
    Files.write(config, lines);
    if (vipd == null) {
      // DEBUG: vipd logs every packet it drops, with the reason
      vipd = VipdProcess.start(vipdHost, config, directory.resolve("vipd.log"), List.of("-DVIPD_LOG_LEVEL=DEBUG"));
    } else {
      vipd.start();
    }
    return vipd;
  }

  VipdProcess vipd() {
    return vipd;
  }

  KeepalivedProcess keepalived() {
    return keepalived;
  }

  /** The state vipd last logged entering, or null before its first transition. */
  String vipdState() throws IOException {
    List<TransitionLine> transitions = TransitionLine.in(vipd.logText(), "vi1");
    return transitions.isEmpty() ? null : transitions.get(transitions.size() - 1).to();
  }

  /** The reason of vipd's last transition to {@code state}, or null. */
  String vipdReasonFor(String state) throws IOException {
    return TransitionLine.in(vipd.logText(), "vi1").stream().filter(t -> t.isTo(state))
        .reduce((first, second) -> second).map(TransitionLine::reason).orElse(null);
  }

  boolean vipdIsMaster() throws IOException {
    return vipd.isAlive() && "MASTER".equals(vipdState()) && vipdHost.hasAddress(VIP);
  }

  /** vipd runs as BACKUP and does not hold the VIP. */
  boolean vipdIsBackup() throws IOException {
    return vipd.isAlive() && "BACKUP".equals(vipdState()) && !vipdHost.hasAddress(VIP);
  }

  /** keepalived runs as BACKUP and does not hold the VIP. */
  boolean keepalivedIsBackup() throws IOException {
    return keepalived.isAlive() && "BACKUP".equals(keepalived.state()) && !keepalivedHost.hasAddress(VIP);
  }

  /** Long enough for a backup to start and take over by Master_Down_Interval, with room for a slow JVM. */
  Duration takeoverDeadline() {
    return protocol.interval().multipliedBy(4).plusSeconds(10);
  }

  /**
   * Longer than Master_Down_Interval (3 intervals plus skew): had the backup rejected the master's adverts,
   * it would have taken over within this time.
   */
  Duration stableFor() {
    return protocol.interval().multipliedBy(4);
  }

  /** Waits until {@code condition} holds (at most {@link #takeoverDeadline()}). */
  void awaitUntil(Callable<Boolean> condition) throws IOException {
    try {
      await().atMost(takeoverDeadline()).pollInterval(Duration.ofMillis(20)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + logs(), e);
    }
  }

  /** Asserts {@code condition} holds for {@link #stableFor()} without a break. */
  void assertStays(Callable<Boolean> condition) throws IOException {
    try {
      await().during(stableFor()).atMost(stableFor().plusSeconds(5)).pollInterval(Duration.ofMillis(50))
          .until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + logs(), e);
    }
  }

  /** The client pings the VIP once, so that its neighbour table has an entry for gratuitous ARP to update. */
  void clientPingsVip() throws IOException {
    client.exec("ping", "-c", "1", "-W", "2", VIP);
  }

  String clientSeesVipAt() throws IOException {
    return client.neighbourMac(VIP);
  }

  /** keepalived's complaints about packets it received (none expected from a well-behaved vipd). */
  List<String> keepalivedComplaints() throws IOException {
    return keepalived == null ? List.of() : KeepalivedLog.complaints(keepalived.logText());
  }

  /** vipd's drops of packets for a reason that means the two daemons disagree on the wire. */
  List<String> vipdWireDrops() throws IOException {
    return vipd == null ? List.of() : WireDrops.wireDrops(vipd.logText());
  }

  /** The logs, for a failure message. */
  String logs() throws IOException {
    return "\n--- vipd ---\n" + (vipd == null ? "" : vipd.logText())
        + "\n--- keepalived ---\n" + (keepalived == null ? "" : keepalived.logText());
  }

  @Override
  public void close() {
    lab.close();
  }
}
