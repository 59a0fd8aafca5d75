package io.vipd.e2e.udp;

import io.vipd.e2e.Distribution;
import io.vipd.instance.TransitionLine;
import io.vipd.lab.Lab;
import io.vipd.lab.LabHost;
import io.vipd.lab.VipdLog;
import io.vipd.lab.VipdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A lab with two vipd nodes ({@code n1} 10.99.0.11, {@code n2} 10.99.0.12) and a client (10.99.0.50) on one
 * bridge, where each node's own firewall drops IP protocol 112 in both directions, like a cloud VPC does.
 * Nodes run the assembled distribution's {@code bin/vipd} with {@code VIPD_LOG_LEVEL=DEBUG}, so every datagram
 * the udp transport drops is one log line.
 */
final class UdpCluster implements AutoCloseable {
  static final String VIP = "10.99.0.100";
  /** The one instance every node runs (NodeConfig writes it). */
  static final String INSTANCE = "web";

  /** nftables rules for a node namespace: VRRP (IP protocol 112) neither leaves nor arrives. */
  private static final String DROP_PROTOCOL_112 = """
      table inet vipd_e2e {
        chain in { type filter hook input priority 0; meta l4proto 112 drop; }
        chain out { type filter hook output priority 0; meta l4proto 112 drop; }
      }
      """;

  private final Lab lab;
  private final Path dir;
  private final Path launcher;
  final LabHost n1;
  final LabHost n2;
  final LabHost client;

  private UdpCluster(Lab lab, Path dir, Path launcher) throws IOException {
    this.lab = lab;
    this.dir = dir;
    this.launcher = launcher;
    this.n1 = addNode("n1", 11);
    this.n2 = addNode("n2", 12);
    this.client = lab.addHost("client", 50);
  }

  static UdpCluster create(Path dir) throws IOException {
    Lab lab = Lab.create();
    try {
      return new UdpCluster(lab, dir, debugLauncher(dir));
    } catch (IOException | RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  /** Adds a vipd node whose namespace drops IP protocol 112. */
  LabHost addNode(String name, int octet) throws IOException {
    LabHost host = lab.addHost(name, octet);
    Path rules = Files.writeString(dir.resolve(name + ".nft"), DROP_PROTOCOL_112);
    host.exec("nft", "-f", rules.toString());
    return host;
  }

  /** A fresh random 32-byte key, base64 in a file only its owner may read, as the README's set-up makes it. */
  NodeConfig.Key newKey(String name, int id) throws IOException {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path file = dir.resolve(name + ".key");
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
    return new NodeConfig.Key(file, id);
  }

  /** Starts vipd in {@code host} with {@code config}; its log is {@code <host>.log} in the test directory. */
  Node start(LabHost host, NodeConfig config) throws IOException {
    Path file = config.writeTo(dir.resolve(host.name() + ".yaml"));
    Path log = dir.resolve(host.name() + ".log");
    return new Node(host, VipdProcess.startDistribution(launcher, host, file, log), new VipdLog(log), file);
  }

  /** Starts a long-running command in {@code host}, its output in {@code <name>.out}; the lab kills it on close. */
  Process spawn(LabHost host, String name, java.util.List<String> command) throws IOException {
    return host.spawn(command, dir.resolve(name + ".out").toFile());
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * One running (or stopped) vipd of the cluster. The udp transport logs each dropped datagram on a line of
   * its own at debug (the first from a source in a minute as a warning), so counting lines counts drops.
   */
  record Node(LabHost host, VipdProcess vipd, VipdLog log, Path config) {
    private static final Pattern DROP = Pattern.compile("dropped a datagram from (\\S+): ([a-z-]+) \\(");

    String state() {
      return log.state(INSTANCE);
    }

    /** Every state change of the instance so far, oldest first, across restarts. */
    List<TransitionLine> transitions() {
      return log.transitions(INSTANCE);
    }

    /** The transitions logged after the first {@code skip} ones. */
    List<TransitionLine> transitionsAfter(int skip) {
      List<TransitionLine> all = transitions();
      return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** How many datagrams from {@code source} the transport dropped for {@code reason} ({@code bad-hmac}). */
    long drops(String source, String reason) {
      return dropLines().stream().map(DROP::matcher)
          .filter(m -> m.find() && m.group(1).equals(source) && m.group(2).equals(reason)).count();
    }

    /** Every dropped-datagram line. */
    List<String> dropLines() {
      return log.text().lines().filter(line -> DROP.matcher(line).find()).toList();
    }

    boolean holdsVip() throws IOException {
      return host.hasAddress(VIP);
    }

    /** Graceful stop (a master resigns with priority 0), new config, start again. */
    void restartWith(NodeConfig next) throws IOException, InterruptedException {
      int exit = vipd.stop(Duration.ofSeconds(15));
      if (exit != 0) {
        throw new IllegalStateException(host.name() + ": vipd exited " + exit + " on SIGTERM\n" + log.text());
      }
      next.writeTo(config);
      vipd.start();
    }
  }

  /** bin/vipd of the distribution, started with debug logging. */
  private static Path debugLauncher(Path dir) throws IOException {
    Path script = dir.resolve("vipd-debug");
    Files.writeString(script,
        "#!/bin/sh\nexport VIPD_LOG_LEVEL=DEBUG\nexec '" + Distribution.launcher() + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Override
  public void close() {
    lab.close();
  }
}
